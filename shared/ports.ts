/**
 * The ports: how the domain and the services see the world. Adapters in `shared/adapters`
 * implement them; only the composition root (`app/root.ts`) chooses which.
 * Signatures speak Steady's language, never an SDK's.
 */
import type { CalendarEvent, ContainerDoc, ContainerName, Result } from './domain/index.js';

// ── Store ─────────────────────────────────────────────────────────────────────────────────────

/** A document as stored, with the version tag a conditional write must name. */
export interface Stored<T> {
  readonly doc: T;
  readonly etag: string;
}

/** `CONFLICT`: the document exists (create) or changed since it was read (stale etag). */
export type StoreError = { readonly code: 'CONFLICT' } | { readonly code: 'NOT_FOUND' };

/** The database refused a write for its rate (Cosmos DB's 429); `retryAfterMs` is the wait it asked for. */
export type Throttled = { readonly code: 'THROTTLED'; readonly retryAfterMs?: number };

export interface Page<T> {
  readonly items: readonly T[];
  /** Present when more items follow; pass it back to get the next page. Opaque. */
  readonly continuation?: string;
}

export interface ListOptions<K extends string> {
  /** Only documents of this `type`. */
  readonly type?: K;
  /** Page size, 1 to 1000 (default 100). */
  readonly limit?: number;
  readonly continuation?: string;
}

/**
 * One container. Every operation names its partition; no read crosses partitions, so one pair's
 * data can never come back for another pair.
 */
export interface Collection<T extends { id: string; type: string }> {
  get(partitionKey: string, id: string): Promise<Stored<T> | undefined>;
  /** Writes a new document; `CONFLICT` when one with the same id is already in the partition. */
  create(doc: T): Promise<Result<Stored<T>, StoreError>>;
  /** Writes only if the stored version still has `etag`. A throttled write throws (the caller's retry). */
  replace(doc: T, etag: string): Promise<Result<Stored<T>, StoreError>>;
  /**
   * `replace`, but a write the database throttled past its SDK's own retries is answered as a value,
   * `THROTTLED`, with the wait the database asked for: for a write its caller must not lose (the record
   * that a message went out), which it tries again itself.
   */
  tryReplace(doc: T, etag: string): Promise<Result<Stored<T>, StoreError | Throttled>>;
  upsert(doc: T): Promise<Stored<T>>;
  /** Deletes; with `etag`, only if unchanged. */
  delete(partitionKey: string, id: string, etag?: string): Promise<Result<void, StoreError>>;
  /** The partition's documents in id order, a page at a time. */
  list<K extends T['type']>(
    partitionKey: string,
    options?: ListOptions<K>,
  ): Promise<Page<Stored<Extract<T, { type: K }>>>>;
}

/**
 * A read of a whole container, across partitions, a page at a time. Only the `calendars` container
 * offers it (the hourly channel timer walks every watched calendar); pair data never does.
 */
export interface Scannable<T> {
  scan(options?: { readonly limit?: number; readonly continuation?: string }): Promise<Page<Stored<T>>>;
}

export type Store = { readonly [C in ContainerName]: Collection<ContainerDoc<C>> } & {
  readonly calendars: Scannable<ContainerDoc<'calendars'>>;
  close(): Promise<void>;
};

// ── Clock and ids ─────────────────────────────────────────────────────────────────────────────

export interface Clock {
  now(): Date;
}

/** A clock that can also wait: a throttled write waits before it is tried again. */
export interface WaitingClock extends Clock {
  wait(ms: number): Promise<void>;
}

export interface IdGen {
  newId(): string;
  /** An unguessable secret (a watch channel's token). */
  newSecret(): string;
  /**
   * A keyed one-way digest (HMAC-SHA256 with the configuration's secret, hex): a key that must not say
   * what it stands for (an erased email), even to someone who can hash every address of the staff list.
   */
  digest(text: string): string;
  /** The plain SHA-256 (hex) that erasure records were keyed by before the keyed digest: still honoured. */
  legacyDigest(text: string): string;
  /** `digest` under each key the configuration's key replaced (a rotation): what they keyed is still found. */
  readonly oldDigests: ReadonlyArray<(text: string) => string>;
}

// ── Queue ─────────────────────────────────────────────────────────────────────────────────────

export type QueueName = 'calendar-sync' | 'deliveries';

export interface Queue {
  /** Enqueues a JSON message, optionally invisible for `delaySeconds`. */
  send(queue: QueueName, message: unknown, options?: { delaySeconds?: number }): Promise<void>;
}

// ── Calendar ──────────────────────────────────────────────────────────────────────────────────

export type { CalendarEvent } from './domain/index.js';

/** `FULL_SYNC_REQUIRED`: the sync token is no longer valid (Google's 410). */
export type CalendarError = { readonly code: 'FULL_SYNC_REQUIRED' } | { readonly code: 'NOT_FOUND' };

export interface ChangePage {
  readonly events: readonly CalendarEvent[];
  /** More changes follow: ask again with this. */
  readonly nextPageToken?: string;
  /** On the last page only: the cursor for the next incremental sync. */
  readonly nextSyncToken?: string;
}

/**
 * A user's calendar, read with their delegated identity (`calendarId` is the user). Throttling and
 * server errors are retried inside the adapter; what is left is returned or thrown.
 */
export interface Calendar {
  /** Series masters, exceptions and single events changed since `syncToken` (all without one), deleted ones included. */
  listChanges(
    calendarId: string,
    cursor: { readonly syncToken?: string; readonly pageToken?: string },
  ): Promise<Result<ChangePage, CalendarError>>;
  /** The occurrences of a recurring event that start in a window, cancelled ones included, as the provider expands them. */
  instances(
    calendarId: string,
    eventId: string,
    window: { readonly from: string; readonly to: string },
  ): Promise<Result<readonly CalendarEvent[], CalendarError>>;
  /** Opens a push channel: the provider will POST to `address` when the calendar changes. */
  watch(
    calendarId: string,
    channel: { readonly id: string; readonly token: string; readonly address: string },
  ): Promise<{ resourceId: string; expiration: string }>;
  /** Closes a push channel; one already gone is not an error. */
  stopChannel(
    calendarId: string,
    channel: { readonly id: string; readonly resourceId: string },
  ): Promise<void>;
}

// ── Messenger ─────────────────────────────────────────────────────────────────────────────────

/** Where a person's personal chat with Steady is. */
export interface ChatAddress {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
}

export interface OutgoingMessage {
  readonly text?: string;
  /** An expanded Adaptive Card. */
  readonly card?: Readonly<Record<string, unknown>>;
  /** Any other Teams attachment, as is (a file consent card, a file card). */
  readonly attachment?: Attachment;
}

/** A Bot Framework attachment. */
export interface Attachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content?: Readonly<Record<string, unknown>>;
}

/**
 * `UNREACHABLE`: the app is gone for that person (403/404); `RETRY`: throttled or a transient fault;
 * `NOT_ALLOWED`: the person's tenant is not (or no longer) on `ALLOWED_TENANTS`, so nothing is sent.
 */
export type SendError =
  | { readonly code: 'UNREACHABLE' }
  | { readonly code: 'RETRY'; readonly afterSeconds?: number }
  | { readonly code: 'NOT_ALLOWED' };

/** Teams, through the Bot Connector. Limits and transient faults are handled inside the adapter. */
export interface Messenger {
  send(to: ChatAddress, message: OutgoingMessage): Promise<Result<{ activityId: string }, SendError>>;
  update(to: ChatAddress, activityId: string, message: OutgoingMessage): Promise<Result<void, SendError>>;
  /** Opens (or finds) the personal chat of a Teams user with the bot. */
  createConversation(
    at: { readonly serviceUrl: string; readonly tenantId: string },
    teamsUserId: string,
  ): Promise<Result<{ conversationId: string }, SendError>>;
  /** A member of a conversation as Teams knows them (the email comes from here). */
  member(to: ChatAddress, teamsUserId: string): Promise<{ email: string; name: string } | undefined>;
}

// ── Directory ─────────────────────────────────────────────────────────────────────────────────

/** A person as the organisation's directory knows them (every address in lower case). */
export interface DirectoryPerson {
  /**
   * The directory's own id of the person (Google's user id): it never changes, while an address can
   * be handed to someone else. Absent when the directory has none to give.
   */
  readonly id?: string;
  /** The Google Workspace primary address: the one their calendar is read under. */
  readonly primaryEmail: string;
  /** Every address that reaches the person: the primary one, other emails and aliases. */
  readonly addresses: readonly string[];
  /** The direct manager's address, if the directory names one. */
  readonly managerEmail?: string;
  /** Dotted-line managers the directory names (a trusted source too). */
  readonly dottedLineManagerEmails: readonly string[];
}

/**
 * Who is who: the organisation's own answer (Google Workspace's directory), a trusted source of who
 * manages whom. A directory that knows nobody (`DIRECTORY=none`) answers `undefined` for everyone.
 */
export interface Directory {
  /** The person behind an address, if the directory knows them. */
  person(email: string): Promise<DirectoryPerson | undefined>;
  /** The email of the person's direct manager, if the directory knows one. */
  managerOf(email: string): Promise<string | undefined>;
}
