import type { AddressRules } from '../../domain/index.js';
import type { Clock, Directory, Messenger, Store, WaitingClock } from '../../ports.js';
import type { CardRenderer } from './card-renderer.js';

/**
 * What showing cards needs (a card built, a sent card updated in place): Teams is reached through two
 * ports only, the card renderer and the Messenger.
 */
export interface CardDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly messenger: Messenger;
  readonly cards: CardRenderer;
  /** Matches a Teams address to the Google account, to tell that an address is still its holder's. */
  readonly directory: Directory;
  readonly addressRules: AddressRules;
}

/** What delivering needs besides: a clock that waits out a throttled write. */
export interface DeliveryDeps extends CardDeps {
  readonly clock: WaitingClock;
}

export type SendOnceDeps = Pick<DeliveryDeps, 'store' | 'messenger' | 'clock'>;
