import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { ActivityIds } from './activity-ids.js';
import type { SentActivity } from './fake-teams.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The visible part of an activity, what an update replaces. */
export interface ActivityContent {
  type: string;
  text?: string;
  attachments?: unknown[];
}

/** One line of a chat as the person sees it. */
export type ChatLine =
  | { from: 'user'; id: string; text: string; at: number }
  | { from: 'bot'; activity: SentActivity; deleted: boolean };

/** One change to the chats, as the journal file keeps it (a JSON line each). */
type JournalEntry =
  | { op: 'said'; conversationId: string; id: string; text: string; at: number }
  | {
      op: 'sent';
      conversationId: string;
      id: string;
      content: ActivityContent;
      at: number;
      replyToId?: string;
    }
  | {
      op: 'updated';
      conversationId: string;
      activityId: string;
      content: ActivityContent;
      at: number;
      via?: 'invokeResponse';
    }
  | { op: 'deleted'; conversationId: string; activityId: string; at: number };

/**
 * Every chat's transcript and the log of what the bot did, in order. With a `journal` file every
 * change is appended to it as it happens and replayed on start, so the sandbox's chats survive a
 * restart (and a kill: a torn last line is skipped) and cards sent before it can still be updated.
 */
export class ChatLog {
  private readonly log: SentActivity[] = [];
  private readonly lines = new Map<string, ChatLine[]>();
  private readonly deleted = new Set<SentActivity>();
  private replaying = false;

  constructor(
    private readonly ids: ActivityIds,
    private readonly journal?: string,
  ) {
    if (journal === undefined || !existsSync(journal)) return;
    this.replaying = true;
    for (const line of readFileSync(journal, 'utf8').split('\n')) {
      const entry = parseEntry(line);
      if (entry !== undefined) this.replay(entry);
    }
    this.replaying = false;
  }

  userSaid(conversationId: string, id: string, text: string, at: number): void {
    this.record({ op: 'said', conversationId, id, text, at });
    this.chat(conversationId).push({ from: 'user', id, text, at });
  }

  /** Stores a new bot activity and returns its id. */
  botSent(
    conversationId: string,
    content: ActivityContent,
    at: number,
    replyToId?: string,
    id = this.ids.message(),
  ): string {
    this.record({
      op: 'sent',
      conversationId,
      id,
      content: withContent(content),
      at,
      ...(replyToId !== undefined ? { replyToId } : {}),
    });
    const activity: SentActivity = {
      id,
      conversationId,
      ...withContent(content),
      op: 'send',
      at,
      ...(replyToId !== undefined ? { replyToId } : {}),
    };
    this.log.push(activity);
    this.chat(conversationId).push({ from: 'bot', activity, deleted: false });
    return activity.id;
  }

  /** Replaces the content of a live bot activity; false when there is none with that id. */
  botUpdated(
    conversationId: string,
    activityId: string,
    content: ActivityContent,
    at: number,
    via?: 'invokeResponse',
  ): boolean {
    const sent = this.live(conversationId, activityId);
    if (!sent) return false;
    this.record({
      op: 'updated',
      conversationId,
      activityId,
      content: withContent(content),
      at,
      ...(via !== undefined ? { via } : {}),
    });
    delete sent.text;
    delete sent.attachments;
    Object.assign(sent, withContent(content));
    this.log.push({
      id: activityId,
      conversationId,
      ...withContent(content),
      op: 'update',
      at,
      ...(via !== undefined ? { via } : {}),
    });
    return true;
  }

  /**
   * Teams shows the card of a card-bearing invoke response in place of the card that was pressed:
   * the activity's last adaptive card is replaced, the rest of it kept. False when there is none.
   */
  cardReplaced(
    conversationId: string,
    activityId: string,
    card: Record<string, unknown>,
    at: number,
  ): boolean {
    const sent = this.live(conversationId, activityId);
    const attachments = sent?.attachments ?? [];
    const index = attachments.findLastIndex(isAdaptiveCard);
    if (!sent || index < 0) return false;
    const replaced = attachments.map((attachment, i) =>
      i === index ? { ...(attachment as object), content: card } : attachment,
    );
    return this.botUpdated(
      conversationId,
      activityId,
      { type: sent.type, ...(sent.text !== undefined ? { text: sent.text } : {}), attachments: replaced },
      at,
      'invokeResponse',
    );
  }

  botDeleted(conversationId: string, activityId: string, at: number): boolean {
    const sent = this.live(conversationId, activityId);
    if (!sent) return false;
    this.record({ op: 'deleted', conversationId, activityId, at });
    this.deleted.add(sent);
    this.log.push({ id: activityId, conversationId, type: sent.type, op: 'delete', at });
    return true;
  }

  /** Whether a live message with that id (the bot's or the person's) is in the chat. */
  has(conversationId: string, activityId: string): boolean {
    return this.chat(conversationId).some((line) =>
      line.from === 'user'
        ? line.id === activityId
        : line.activity.id === activityId && !this.deleted.has(line.activity),
    );
  }

  sent(conversationIds?: ReadonlySet<string>): SentActivity[] {
    return this.log
      .filter((activity) => conversationIds === undefined || conversationIds.has(activity.conversationId))
      .map((activity) => structuredClone(activity));
  }

  transcript(conversationId: string): ChatLine[] {
    return this.chat(conversationId).map((line) =>
      line.from === 'user'
        ? { ...line }
        : { from: 'bot', activity: structuredClone(line.activity), deleted: this.deleted.has(line.activity) },
    );
  }

  /** The newest adaptive card still in the chat, with its content after updates. */
  latestCard(conversationId: string): { activityId: string; card: Record<string, unknown> } | undefined {
    const lines = this.chat(conversationId);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      if (line?.from !== 'bot' || this.deleted.has(line.activity)) continue;
      const card = (line.activity.attachments ?? []).findLast(isAdaptiveCard);
      if (card) return { activityId: line.activity.id, card: structuredClone(card.content) };
    }
    return undefined;
  }

  private record(entry: JournalEntry): void {
    if (this.journal !== undefined && !this.replaying)
      appendFileSync(this.journal, `${JSON.stringify(entry)}\n`);
  }

  private replay(entry: JournalEntry): void {
    switch (entry.op) {
      case 'said':
        this.userSaid(entry.conversationId, entry.id, entry.text, entry.at);
        return;
      case 'sent':
        this.ids.seen(entry.id);
        this.botSent(entry.conversationId, entry.content, entry.at, entry.replyToId, entry.id);
        return;
      case 'updated':
        this.botUpdated(entry.conversationId, entry.activityId, entry.content, entry.at, entry.via);
        return;
      case 'deleted':
        this.botDeleted(entry.conversationId, entry.activityId, entry.at);
        return;
    }
  }

  private live(conversationId: string, activityId: string): SentActivity | undefined {
    for (const line of this.chat(conversationId)) {
      if (line.from === 'bot' && line.activity.id === activityId && !this.deleted.has(line.activity))
        return line.activity;
    }
    return undefined;
  }

  private chat(conversationId: string): ChatLine[] {
    let lines = this.lines.get(conversationId);
    if (!lines) {
      lines = [];
      this.lines.set(conversationId, lines);
    }
    return lines;
  }
}

/** A journal line, or undefined for a torn or foreign one. */
function parseEntry(line: string): JournalEntry | undefined {
  if (line.trim() === '') return undefined;
  try {
    const entry = JSON.parse(line) as Partial<JournalEntry> | null;
    return typeof entry?.op === 'string' && typeof entry.conversationId === 'string'
      ? (entry as JournalEntry)
      : undefined;
  } catch {
    return undefined;
  }
}

function withContent(content: ActivityContent): ActivityContent {
  return {
    type: content.type,
    ...(content.text !== undefined ? { text: content.text } : {}),
    ...(content.attachments !== undefined ? { attachments: structuredClone(content.attachments) } : {}),
  };
}

export function isAdaptiveCard(
  attachment: unknown,
): attachment is { contentType: string; content: Record<string, unknown> } {
  if (typeof attachment !== 'object' || attachment === null) return false;
  const { contentType, content } = attachment as { contentType?: unknown; content?: unknown };
  return (
    contentType === ADAPTIVE_CARD &&
    typeof content === 'object' &&
    content !== null &&
    !Array.isArray(content)
  );
}
