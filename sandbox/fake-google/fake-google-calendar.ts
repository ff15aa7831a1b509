import type { calendar_v3 } from '@googleapis/calendar';
import type { DirectoryTokens, FakeDirectoryUser } from './directory-data.js';
import type { FaultStatus } from './errors.js';
import type { FaultMatch } from './faults.js';
import type { Delivery } from './notifications.js';
import type { RecordedRequest } from './request-log.js';

/** How the fake pages and keeps time. */
export interface FakeGoogleCalendarOptions {
  /** The most items on one page, whatever `maxResults` asks; default 250 (tests use 2-3 to force paging). */
  pageSize?: number;
  /** Serve an empty first page that still has a `nextPageToken`, as Google sometimes does. */
  emptyPages?: boolean;
  /** The fake's clock for `updated`, channel expiration and the one-year expansion horizon. */
  now?: () => Date;
  /** The Workspace directory it serves (`users.get`): people, their aliases and managers. */
  directory?: readonly FakeDirectoryUser[];
  /** Check directory tokens against the fake OAuth's (scope, admin subject); absent, any token reads. */
  directoryTokens?: DirectoryTokens;
}

/** A channel as the test sees it. */
export interface FakeChannel {
  id: string;
  token?: string;
  resourceId: string;
  address: string;
  expiration: number;
  calendarId: string;
  stopped: boolean;
}

/** A running fake Google Calendar v3 server and its control API. Times are ISO strings in UTC. */
export interface FakeGoogleCalendar {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  stop(): Promise<void>;

  /** Inserts or replaces; assigns id, iCalUID, etag, updated, status. An exception needs `recurringEventId` + `originalStartTime`. */
  upsertEvent(calendarId: string, event: calendar_v3.Schema$Event): calendar_v3.Schema$Event;
  cancelOccurrence(calendarId: string, masterId: string, originalStartUtc: string): void;
  moveOccurrence(
    calendarId: string,
    masterId: string,
    originalStartUtc: string,
    start: string,
    end: string,
  ): void;
  declineOccurrence(
    calendarId: string,
    masterId: string,
    originalStartUtc: string,
    attendeeEmail: string,
  ): void;
  truncateSeries(calendarId: string, masterId: string, untilUtc: string): void;
  /** "This and following": returns the new master (`${masterId}_R${basicUtc(from)}`). */
  splitSeries(
    calendarId: string,
    masterId: string,
    fromOriginalStartUtc: string,
    changes: Partial<calendar_v3.Schema$Event>,
  ): calendar_v3.Schema$Event;
  deleteSeries(calendarId: string, masterId: string): void;
  deleteEvent(calendarId: string, eventId: string): void;
  /** Copies of the stored resources (masters, exceptions, singles) in insertion order. */
  events(calendarId: string): calendar_v3.Schema$Event[];

  /** Every sync and page token issued so far (for one calendar, or all) now gets 410 fullSyncRequired. */
  requireFullSync(calendarId?: string): void;
  failNext(count: number, status: FaultStatus, match?: FaultMatch): void;
  dropNotifications(count: number): void;
  flushNotifications(): Promise<void>;
  /** Every notification the fake meant to send, dropped ones included, with its outcome. */
  notifications(): ReadonlyArray<Readonly<Delivery>>;
  readonly requests: ReadonlyArray<Readonly<RecordedRequest>>;
  count(operation?: string, calendarId?: string): number;
  /** Forgets the recorded requests, so `count` and `requests` start again from zero. */
  resetCounts(): void;
  channels(): ReadonlyArray<FakeChannel>;
  /** Adds or replaces a person of the directory (a new manager, a new alias). */
  setDirectoryUser(user: FakeDirectoryUser): void;
  removeDirectoryUser(primaryEmail: string): void;
}
