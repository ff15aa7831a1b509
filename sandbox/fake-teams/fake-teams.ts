/** A person in the fake's directory: someone who can install the app, chat and press card buttons. */
export interface FakePerson {
  email: string;
  name: string;
  /** Derived from the email when absent. */
  aadObjectId?: string;
  /**
   * The address Teams' member lookup gives (`email`, `userPrincipalName`), when it is not `email`,
   * which stays the key tests name the person by: a profile carrying someone else's address.
   */
  profileEmail?: string;
  /** Defaults to the fake's `tenantId`. */
  tenantId?: string;
  /** IANA zone the person's client reports (`localTimezone`, `localTimestamp`); default `UTC`. */
  timeZone?: string;
  /** Already has the app (a restart of the sandbox): the chat exists without an install event. */
  installed?: boolean;
}

/** Per-window request limits; the defaults are Teams' published ones. */
export interface FakeRateLimits {
  /** Default 7. */
  perConversationPerSecond?: number;
  /** Default 60. */
  perConversationPer30s?: number;
  /** Teams also has 8 in 2 s; off unless set. */
  perConversationPer2s?: number;
  /** Teams also has 1800 an hour; off unless set. */
  perConversationPerHour?: number;
  /** Per app per tenant; default 30. */
  perTenantPerSecond?: number;
}

export interface FakeTeamsOptions {
  /** Where to POST activities (the bot's `/api/messages`); can be set later with `setBotEndpoint`. */
  botEndpoint?: string;
  /** The bot's id in `recipient`; default `28:steady-bot`. */
  botId?: string;
  /** The bot's display name in `recipient`; default `Steady`. */
  botName?: string;
  /** Default `tenant-contoso`. */
  tenantId?: string;
  people?: FakePerson[];
  /** `false` turns rate limiting off. */
  rateLimits?: FakeRateLimits | false;
  /** Milliseconds clock for rate limits, timestamps and message ids; default `Date.now`. */
  now?: () => number;
  /** Host config for the inbox page's card renderer; default Teams' light host config from `vendor/adaptivecards/`. */
  hostConfigPath?: string;
  /** 0 (default) for any free port. */
  port?: number;
  /** A file that keeps the chats across restarts (appended as they change); none by default. */
  chatLogFile?: string;
  /** A clock the inbox page can move (the sandbox's simulated time): shown in the header with +1 hour/day/week. */
  clock?: InboxClock;
}

export interface InboxClock {
  now(): Date;
  advance(minutes: number): Promise<void>;
}

/** What the bot answered over HTTP (for an invoke: the invoke response). */
export interface BotReply {
  status: number;
  body: unknown;
}

export type FaultStatus = 403 | 404 | 412 | 429 | 500 | 502 | 504;

export interface FaultMatch {
  method?: string;
  /** Tested against the decoded path, e.g. `/v3/conversations/a:1xyz/activities`. */
  path?: RegExp;
}

/** One thing the bot did to a chat through the Bot Connector. */
export interface SentActivity {
  id: string;
  conversationId: string;
  type: string;
  text?: string;
  attachments?: unknown[];
  /** `send` entries show the content after later updates; each update and delete is also its own entry. */
  op: 'send' | 'update' | 'delete';
  at: number;
  replyToId?: string;
  /** Set when the update came from an invoke response carrying a card, which Teams shows in place of the old one. */
  via?: 'invokeResponse';
}

/** One Bot Connector request the fake answered. */
export interface RecordedRequest {
  method: string;
  /** Decoded, without the query, e.g. `/v3/conversations/a:1xyz/activities`. */
  path: string;
  status: number;
  at: number;
  /** The `Authorization` header as sent. */
  auth?: string;
}

export interface PersonalConversation {
  id: string;
  email: string;
  tenantId: string;
}

/** A fake Microsoft Teams: the Bot Connector REST API for the bot, and a Teams client that talks to the bot. */
export interface FakeTeams {
  /** The `serviceUrl` put in activities: `${origin}/`. */
  readonly url: string;
  stop(): Promise<void>;
  setBotEndpoint(url: string): void;
  /** `conversationUpdate` (bot and person added) then `installationUpdate` add; returns the first failure, else the last reply. */
  install(email: string): Promise<BotReply>;
  /** `installationUpdate` remove; from then on sends to the person's chat get 403. */
  uninstall(email: string): Promise<BotReply>;
  say(email: string, text: string): Promise<BotReply>;
  /** The person's last message posted again, unchanged (Teams' retry of a slow answer). */
  redeliver(email: string): Promise<BotReply>;
  invoke(
    email: string,
    action: { verb: string; data: Record<string, unknown> },
    replyToId?: string,
  ): Promise<BotReply>;
  /** Allow or Decline on the newest file consent card in the person's chat (`fileConsent/invoke`). */
  fileConsent(email: string, action: 'accept' | 'decline'): Promise<BotReply>;
  /** What the bot uploaded to a person's OneDrive, by the `uniqueId` of its upload session. */
  file(uniqueId: string): Buffer | undefined;
  /** Posts the activity as is; headers override the defaults, an empty value removes one. */
  sendRaw(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<BotReply>;
  conversations(): PersonalConversation[];
  activities(email?: string): SentActivity[];
  latestCard(email: string): { activityId: string; card: Record<string, unknown> } | undefined;
  failNext(count: number, status: FaultStatus, match?: FaultMatch): void;
  /** The app was removed without telling the bot: sends to the person's chat get 403. */
  uninstalled(email: string): void;
  /** An admin renamed the person: the member lookup gives `profileEmail` from now on. */
  setProfileEmail(email: string, profileEmail: string): void;
  readonly requests: readonly RecordedRequest[];
  count429(): number;
  /** Resolves once every Bot Connector request received so far is answered. */
  flush(): Promise<void>;
}
