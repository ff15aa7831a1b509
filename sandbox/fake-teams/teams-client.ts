import type { ActivityIds } from './activity-ids.js';
import type { ChatLog } from './chat-log.js';
import { ADAPTIVE_CARD } from './chat-log.js';
import type { Directory } from './directory.js';
import type { BotReply } from './fake-teams.js';
import { FILE_CONSENT, type Files } from './files.js';
import type { PersonalChat, PersonalChats } from './personal-chats.js';
import { postToBot } from './post-to-bot.js';
import { teamsActivity } from './teams-activity.js';
import { UsageError } from './usage-error.js';

export interface TeamsClientDeps {
  readonly directory: Directory;
  readonly chats: PersonalChats;
  readonly log: ChatLog;
  readonly ids: ActivityIds;
  readonly now: () => number;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly endpoint: () => string | undefined;
  readonly files: Files;
}

/** What a person does in Teams, turned into the activities Teams posts to the bot. */
export class TeamsClient {
  /** The last message posted from each chat, by conversation id, for `redeliver`. */
  private readonly posted = new Map<string, Record<string, unknown>>();

  constructor(private readonly deps: TeamsClientDeps) {}

  /** As Teams on a personal install: `conversationUpdate` with the bot and the person added, then `installationUpdate` add. */
  async install(email: string): Promise<BotReply> {
    const chat = this.deps.chats.open(this.deps.directory.require(email));
    chat.installed = true;
    const { member } = chat;
    const added = await this.post(chat, this.deps.ids.event(), {
      type: 'conversationUpdate',
      membersAdded: [{ id: this.deps.bot.id }, { id: member.userId, aadObjectId: member.aadObjectId }],
    });
    if (added.status >= 300) return added;
    return this.post(chat, this.deps.ids.event(), { type: 'installationUpdate', action: 'add' });
  }

  /** The app is removed first, so what the bot sends while handling the event already gets 403. */
  async uninstall(email: string): Promise<BotReply> {
    const chat = this.installedChat(email);
    chat.installed = false;
    return this.post(chat, this.deps.ids.event(), { type: 'installationUpdate', action: 'remove' });
  }

  async say(email: string, text: string): Promise<BotReply> {
    const chat = this.installedChat(email);
    const id = this.deps.ids.message();
    this.deps.log.userSaid(chat.id, id, text, this.deps.now());
    return this.post(chat, id, { type: 'message', text, textFormat: 'plain' }, true);
  }

  /**
   * An `Action.Execute` press on a card: `replyToId` defaults to the newest card in the chat. A card
   * in the invoke response replaces that card, as the Teams client shows it.
   */
  async invoke(
    email: string,
    action: { verb: string; data: Record<string, unknown> },
    replyToId?: string,
  ): Promise<BotReply> {
    const chat = this.installedChat(email);
    const target = replyToId ?? this.deps.log.latestCard(chat.id)?.activityId;
    const reply = await this.post(chat, this.deps.ids.event(), {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
      ...(target !== undefined ? { replyToId: target } : {}),
      channelData: { source: { name: 'message' } },
    });
    const card = cardOf(reply);
    if (card && target !== undefined) this.deps.log.cardReplaced(chat.id, target, card, this.deps.now());
    return reply;
  }

  /**
   * Allow or Decline on the newest file consent card in the person's chat: Teams opens an upload
   * session in their OneDrive (accept) and sends the bot a `fileConsent/invoke` with the card's context.
   */
  async fileConsent(email: string, action: 'accept' | 'decline'): Promise<BotReply> {
    const chat = this.installedChat(email);
    const consent = this.deps.log
      .transcript(chat.id)
      .reverse()
      .flatMap((line) => (line.from === 'bot' && !line.deleted ? [line.activity] : []))
      .flatMap((activity) =>
        (activity.attachments ?? [])
          .filter(
            (a): a is { contentType: string; name?: string; content?: Record<string, unknown> } =>
              typeof a === 'object' &&
              a !== null &&
              (a as { contentType?: unknown }).contentType === FILE_CONSENT,
          )
          .map((attachment) => ({ activity, attachment })),
      )[0];
    if (consent === undefined) throw new UsageError(`${email} has no file consent card to answer`);
    const content = consent.attachment.content ?? {};
    return this.post(chat, this.deps.ids.event(), {
      type: 'invoke',
      name: 'fileConsent/invoke',
      replyToId: consent.activity.id,
      value: {
        type: 'fileUpload',
        action,
        context: action === 'accept' ? content['acceptContext'] : content['declineContext'],
        ...(action === 'accept'
          ? { uploadInfo: this.deps.files.open(consent.attachment.name ?? 'file') }
          : {}),
      },
    });
  }

  /**
   * The person's last message posted again as it was (same id, same timestamp), as Teams retries an
   * activity when the bot took over 15 s to answer it (what they did since may already be handled).
   */
  async redeliver(email: string): Promise<BotReply> {
    const chat = this.installedChat(email);
    const activity = this.posted.get(chat.id);
    if (activity === undefined) throw new UsageError(`${email} has written nothing to deliver again`);
    return postToBot(this.endpoint(), activity);
  }

  async sendRaw(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<BotReply> {
    return postToBot(this.endpoint(), activity, headers);
  }

  private async post(
    chat: PersonalChat,
    id: string,
    fields: Record<string, unknown>,
    message = false,
  ): Promise<BotReply> {
    const activity = teamsActivity(
      {
        id,
        at: this.deps.now(),
        serviceUrl: this.deps.serviceUrl,
        member: chat.member,
        conversationId: chat.id,
        bot: this.deps.bot,
      },
      fields,
    );
    if (message) this.posted.set(chat.id, activity);
    return postToBot(this.endpoint(), activity);
  }

  private installedChat(email: string): PersonalChat {
    const member = this.deps.directory.require(email);
    const chat = this.deps.chats.ofEmail(member.email);
    if (!chat?.installed)
      throw new UsageError(`${member.email} has not installed the app; call install first`);
    return chat;
  }

  private endpoint(): string {
    const endpoint = this.deps.endpoint();
    if (endpoint === undefined)
      throw new UsageError('fake Teams has no bot endpoint: pass botEndpoint or call setBotEndpoint');
    return endpoint;
  }
}

/** The card of an `adaptiveCard/action` response of type card, if that is what the bot answered. */
function cardOf(reply: BotReply): Record<string, unknown> | undefined {
  if (reply.status !== 200 || typeof reply.body !== 'object' || reply.body === null) return undefined;
  const { statusCode, type, value } = reply.body as Record<string, unknown>;
  if (statusCode !== 200 || type !== ADAPTIVE_CARD || typeof value !== 'object' || value === null)
    return undefined;
  return value as Record<string, unknown>;
}
