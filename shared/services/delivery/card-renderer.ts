import type { Pair, User } from '../../domain/index.js';
import type { AgendaView } from '../one-on-one/agenda-view.js';
import type { CadenceAlert } from '../one-on-one/cadence.js';
import type { DeepDiveCheckpoint } from '../one-on-one/checkpoint-note.js';
import type { SummaryView } from '../one-on-one/summary-view.js';
import type { TrustDigest } from '../one-on-one/trust-digest.js';

/** An expanded Adaptive Card, ready for the Messenger. */
export type Card = Record<string, unknown>;

/** "Did this 1:1 happen?" on a summary: the button while it may be pressed, or who said it did not. */
export type HeldView =
  | { readonly state: 'ask'; readonly pairId: string; readonly occurrenceId: string }
  | { readonly state: 'notHeld'; readonly by: string; readonly at: string };

/** The report's monthly deep-dive prompt, with the growth-plan checkpoint it asks about, if any. */
export interface DeepDiveView {
  readonly pair: Pair;
  readonly occurrenceId: string;
  /** The month as shown ("March 2026"). */
  readonly month: string;
  readonly asked?: DeepDiveCheckpoint;
}

/**
 * The port to Teams' cards: what the core decided to show, rendered as an Adaptive Card for one viewer
 * (teams-app's presenters and templates). The core chooses what goes to whom; the renderer only says it.
 */
export interface CardRenderer {
  agenda(view: AgendaView, viewer: User): Promise<Card>;
  summary(view: SummaryView, viewer: User, held: HeldView | undefined): Promise<Card>;
  deepDive(view: DeepDiveView): Promise<Card>;
  trustDigest(digest: TrustDigest): Promise<Card>;
  /** The manager's alert; `now` tells the dates still ahead from those past. */
  cadenceAlert(alert: CadenceAlert, manager: User, now: Date): Promise<Card>;
}
