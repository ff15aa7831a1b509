import { err, ok, type Pair, type Result, type User } from '../../domain/index.js';
import { isMember, pairsOf } from '../people.js';
import type { OneOnOneDeps } from './deps.js';
import type { PairError } from './pair-errors.js';

/**
 * The pair an action is about: the one named (if the actor belongs to it), or the actor's only 1:1.
 * With several and none named, the caller asks which one.
 */
export async function resolvePair(
  deps: OneOnOneDeps,
  actor: Pick<User, 'email' | 'calendarId'>,
  pairId: string | undefined,
): Promise<Result<Pair, PairError>> {
  if (pairId !== undefined) {
    const stored = await deps.store.pairs.get(pairId, 'pair');
    if (stored?.doc.type !== 'pair' || !isMember(stored.doc, actor.email)) return err({ code: 'NOT_MEMBER' });
    return ok(stored.doc);
  }
  const pairs = await pairsOf(deps.store, actor);
  const [only, ...more] = pairs;
  if (only === undefined) return err({ code: 'NO_PAIR' });
  if (more.length > 0) return err({ code: 'AMBIGUOUS_PAIR', pairs });
  return ok(only);
}
