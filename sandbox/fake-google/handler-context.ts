import type { CalendarStore } from './calendar-store.js';
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
}

/** A handler's answer: JSON body, or none (204). Failures are thrown as `GoogleApiError`. */
export interface Reply {
  status: number;
  body?: unknown;
}
