import {
  addMinutes,
  err,
  isBefore,
  isMissed,
  ok,
  utc,
  type Occurrence,
  type Pair,
  type Result,
} from '../../domain/index.js';
import { isMember } from '../people.js';
import type { Actor, OneOnOneDeps } from './deps.js';

/** How long after its end either person may still say a 1:1 did not take place. */
export const NOT_HELD_DAYS = 7;

export type NotHeldError =
  | { readonly code: 'NOT_MEMBER' | 'NOT_FOUND' | 'NOT_STARTED' | 'TOO_LATE' }
  /** Cancelled or declined on the calendar: already a miss. */
  | { readonly code: 'ALREADY_MISSED' }
  /** Somebody already said so: a second press changes nothing. */
  | { readonly code: 'ALREADY_SAID'; readonly by: string };

/**
 * Why "It didn't happen" cannot be said of `occurrence` at `now`, or nothing when it can: the summary
 * shows the button exactly when this is nothing.
 */
export function notHeldRefusal(occurrence: Occurrence, now: string): NotHeldError | undefined {
  if (occurrence.notHeld !== undefined) return { code: 'ALREADY_SAID', by: occurrence.notHeld.by };
  if (isMissed(occurrence)) return { code: 'ALREADY_MISSED' };
  if (isBefore(now, occurrence.start)) return { code: 'NOT_STARTED' };
  if (isBefore(addMinutes(occurrence.end, NOT_HELD_DAYS * 24 * 60), now)) return { code: 'TOO_LATE' };
  return undefined;
}

/**
 * "It didn't happen" on a summary: one of the pair's two people says a 1:1 that stayed on the calendar
 * did not take place, once, from its start to `NOT_HELD_DAYS` after its end. It then counts as missed
 * for the cadence rule and the trust digest (`isMissed`). The write is conditional on the etag, so of
 * two presses at once one wins and the other is told it was already said.
 */
export async function markNotHeld(
  deps: OneOnOneDeps,
  actor: Actor,
  target: { readonly pairId: string; readonly occurrenceId: string },
): Promise<Result<{ pair: Pair; occurrence: Occurrence }, NotHeldError>> {
  const pair = await deps.store.pairs.get(target.pairId, 'pair');
  if (pair?.doc.type !== 'pair' || !isMember(pair.doc, actor.email)) return err({ code: 'NOT_MEMBER' });
  const stored = await deps.store.pairs.get(target.pairId, target.occurrenceId);
  if (stored?.doc.type !== 'occurrence') return err({ code: 'NOT_FOUND' });
  const occurrence = stored.doc;
  const now = utc(deps.clock.now());
  const refused = notHeldRefusal(occurrence, now);
  if (refused !== undefined) return err(refused);
  const next: Occurrence = { ...occurrence, notHeld: { by: actor.email, at: now }, updatedAt: now };
  const written = await deps.store.pairs.replace(next, stored.etag);
  if (!written.ok) return markNotHeld(deps, actor, target); // changed meanwhile: decide again
  return ok({ pair: pair.doc, occurrence: next });
}
