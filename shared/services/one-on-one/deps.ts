import type { Clock, IdGen, Store } from '../../ports.js';

/** What the 1:1 services need. */
export interface OneOnOneDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGen;
}

/** Who is acting: always from the authenticated activity, never from card data. */
export interface Actor {
  readonly email: string;
  readonly name: string;
  readonly calendarId: string;
}
