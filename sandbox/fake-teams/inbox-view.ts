import { isAdaptiveCard, type ChatLog } from './chat-log.js';
import { FILE_CONSENT, FILE_INFO } from './files.js';
import type { Directory } from './directory.js';
import type { PersonalChats } from './personal-chats.js';

/** One line of a chat on the inbox page. */
export type InboxLine =
  | { from: 'user'; id: string; text: string; at: number }
  | {
      from: 'bot';
      id: string;
      text?: string;
      cards: Record<string, unknown>[];
      /** A file the bot asks to send (`consent`) or sent (`info`, with where to get it). */
      files: InboxFile[];
      at: number;
      edited: boolean;
    };

export interface InboxFile {
  kind: 'consent' | 'info';
  name: string;
  url?: string;
}

export interface InboxPerson {
  email: string;
  name: string;
  installed: boolean;
  lines: InboxLine[];
}

/** Every person and their chat as they would see it: deleted and typing activities left out, updates shown. */
export function inboxView(
  directory: Directory,
  chats: PersonalChats,
  log: ChatLog,
): { people: InboxPerson[] } {
  return {
    people: directory.all().map((member) => {
      const chat = chats.ofEmail(member.email);
      const edited = new Set(
        chat
          ? log
              .sent(new Set([chat.id]))
              .filter((a) => a.op === 'update')
              .map((a) => a.id)
          : [],
      );
      const lines = (chat ? log.transcript(chat.id) : []).flatMap((line): InboxLine[] => {
        if (line.from === 'user') return [line];
        const { activity } = line;
        if (line.deleted || activity.type !== 'message') return [];
        return [
          {
            from: 'bot',
            id: activity.id,
            ...(activity.text !== undefined ? { text: activity.text } : {}),
            cards: (activity.attachments ?? []).filter(isAdaptiveCard).map((a) => a.content),
            files: (activity.attachments ?? []).flatMap(fileOf),
            at: activity.at,
            edited: edited.has(activity.id),
          },
        ];
      });
      return { email: member.email, name: member.name, installed: chat?.installed ?? false, lines };
    }),
  };
}

function fileOf(attachment: unknown): InboxFile[] {
  const { contentType, name, contentUrl } = (attachment ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string') return [];
  if (contentType === FILE_CONSENT) return [{ kind: 'consent', name }];
  if (contentType === FILE_INFO)
    return [{ kind: 'info', name, ...(typeof contentUrl === 'string' ? { url: contentUrl } : {}) }];
  return [];
}
