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
  /** The Teams identity, which owns what the actor writes privately. */
  readonly userId?: string;
  readonly name: string;
  readonly calendarId: string;
}
