import { err, isInProgress, ok, type Pair, type Result, type User } from '../../domain/index.js';
import { isMember, pairsOf } from '../people.js';
import type { OneOnOneDeps } from './deps.js';
import { pairOccurrences } from './occurrences.js';
import type { PairError } from './pair-errors.js';

/**
 * The pair an action is about: the one named (if the actor belongs to it), or the actor's only 1:1.
 * With several and none named, `during` (an instant) picks the one whose meeting is then in progress,
 * from its start until its summary is due; with none or two in progress, the caller asks which one.
 */
export async function resolvePair(
  deps: OneOnOneDeps,
  actor: Pick<User, 'email' | 'calendarId'>,
  pairId: string | undefined,
  during?: string,
): Promise<Result<Pair, PairError>> {
  if (pairId !== undefined) {
    const stored = await deps.store.pairs.get(pairId, 'pair');
    if (stored?.doc.type !== 'pair' || !isMember(stored.doc, actor.email)) return err({ code: 'NOT_MEMBER' });
    return ok(stored.doc);
  }
  const pairs = await pairsOf(deps.store, actor);
  const [only, ...more] = pairs;
  if (only === undefined) return err({ code: 'NO_PAIR' });
  if (more.length === 0) return ok(only);
  if (during !== undefined) {
    const [meeting, ...another] = await inProgress(deps, pairs, during);
    if (meeting !== undefined && another.length === 0) return ok(meeting);
  }
  return err({ code: 'AMBIGUOUS_PAIR', pairs });
}

/** The pairs whose meeting is in progress at `now`. */
async function inProgress(deps: OneOnOneDeps, pairs: readonly Pair[], now: string): Promise<Pair[]> {
  const meeting = await Promise.all(
    pairs.map(async (pair) =>
      (await pairOccurrences(deps.store, pair.pairId)).some((o) => isInProgress(o, now)),
    ),
  );
  return pairs.filter((_, i) => meeting[i]);
}
