import type { CalendarStore } from './calendar-store.js';
import type { DirectoryData, DirectoryTokens } from './directory-data.js';
import type { Notifier } from './notifications.js';

/** What a route handler may use. */
export interface HandlerContext {
  readonly store: CalendarStore;
  readonly notifier: Notifier;
  /** The most items the fake puts on a page, whatever `maxResults` asks. */
  readonly pageSize: number;
  readonly emptyPages: boolean;
  /** The fake's origin, for `resourceUri`. */
  readonly url: string;
  /** The Workspace directory `users.get` reads, and how its tokens are checked. */
  readonly directory: DirectoryData;
  readonly directoryTokens?: DirectoryTokens;
}

/** A handler's answer: JSON body, or none (204). Failures are thrown as `GoogleApiError`. */
export interface Reply {
  status: number;
  body?: unknown;
}
