/**
 * The ports: how the domain and the services see the world. Adapters in `shared/adapters`
 * implement them; only `shared/root.ts` (and the sandbox's root) chooses which.
 * Signatures speak Steady's language, never an SDK's.
 */
import type { ContainerDoc, ContainerName, Result } from './domain/index.js';

// ── Store ─────────────────────────────────────────────────────────────────────────────────────

/** A document as stored, with the version tag a conditional write must name. */
export interface Stored<T> {
  readonly doc: T;
  readonly etag: string;
}

/** `CONFLICT`: the document exists (create) or changed since it was read (stale etag). */
export type StoreError = { readonly code: 'CONFLICT' } | { readonly code: 'NOT_FOUND' };

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
  /** Writes only if the stored version still has `etag`. */
  replace(doc: T, etag: string): Promise<Result<Stored<T>, StoreError>>;
  upsert(doc: T): Promise<Stored<T>>;
  /** Deletes; with `etag`, only if unchanged. */
  delete(partitionKey: string, id: string, etag?: string): Promise<Result<void, StoreError>>;
  /** The partition's documents in id order, a page at a time. */
  list<K extends T['type']>(
    partitionKey: string,
    options?: ListOptions<K>,
  ): Promise<Page<Stored<Extract<T, { type: K }>>>>;
}

export type Store = { readonly [C in ContainerName]: Collection<ContainerDoc<C>> } & {
  close(): Promise<void>;
};

// ── Clock and ids ─────────────────────────────────────────────────────────────────────────────

export interface Clock {
  now(): Date;
}

export interface IdGen {
  newId(): string;
}

// ── Queue ─────────────────────────────────────────────────────────────────────────────────────

export type QueueName = 'calendar-sync' | 'deliveries';

export interface Queue {
  /** Enqueues a JSON message, optionally invisible for `delaySeconds`. */
  send(queue: QueueName, message: unknown, options?: { delaySeconds?: number }): Promise<void>;
}

// ── Calendar (filled in by the Google Calendar issue) ─────────────────────────────────────────

/** A calendar event as Steady needs it, converted from the provider's type inside the adapter. */
export interface CalendarEvent {
  readonly eventId: string;
  readonly iCalUID?: string;
  readonly status: 'confirmed' | 'tentative' | 'cancelled';
  readonly recurringEventId?: string;
  readonly originalStart?: string;
  readonly start?: string;
  readonly end?: string;
  readonly recurrence?: readonly string[];
  readonly organizerEmail?: string;
  readonly attendees?: readonly { email: string; responseStatus: string; resource: boolean }[];
}

export type CalendarError = { readonly code: 'FULL_SYNC_REQUIRED' } | { readonly code: 'NOT_FOUND' };

export interface Calendar {
  /** Changes since `syncToken` (all events without one), a page at a time. */
  listChanges(
    calendarId: string,
    cursor: { syncToken?: string; pageToken?: string },
  ): Promise<
    Result<{ events: CalendarEvent[]; nextPageToken?: string; nextSyncToken?: string }, CalendarError>
  >;
  /** The occurrences of a recurring event between two instants, as the provider expands them. */
  instances(
    calendarId: string,
    eventId: string,
    window: { from: string; to: string },
  ): Promise<Result<CalendarEvent[], CalendarError>>;
}

// ── Messenger (filled in by the Teams issue) ──────────────────────────────────────────────────

export interface OutgoingMessage {
  readonly text?: string;
  /** An expanded Adaptive Card. */
  readonly card?: Readonly<Record<string, unknown>>;
}

export type SendError =
  { readonly code: 'UNREACHABLE' } | { readonly code: 'RETRY'; readonly afterSeconds?: number };

export interface Messenger {
  send(
    to: { conversationId: string; serviceUrl: string },
    message: OutgoingMessage,
  ): Promise<Result<{ activityId: string }, SendError>>;
  update(
    to: { conversationId: string; serviceUrl: string },
    activityId: string,
    message: OutgoingMessage,
  ): Promise<Result<void, SendError>>;
}

// ── Directory ─────────────────────────────────────────────────────────────────────────────────

export interface Directory {
  /** The email of the person's manager, if the directory knows one. */
  managerOf(email: string): Promise<string | undefined>;
}
