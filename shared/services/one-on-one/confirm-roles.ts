import {
  answerRoles,
  err,
  ok,
  utc,
  type Pair,
  type Result,
  type RoleAnswer,
  type RoleAnswerError,
  type RoleStep,
} from '../../domain/index.js';
import { isMember } from '../people.js';
import type { Actor, OneOnOneDeps } from './deps.js';

export type ConfirmRolesError = RoleAnswerError | { readonly code: 'NOT_YOURS' };

/**
 * A press on the agenda's "Is X your report?" (`answerRoles` says who may answer what), written with
 * a conditional write so two presses at once cannot both win. `changed: false`: the same press again.
 */
export async function confirmRoles(
  deps: OneOnOneDeps,
  actor: Pick<Actor, 'email'>,
  pairId: string,
  press: { readonly step: RoleStep; readonly answer: RoleAnswer | 'right' },
): Promise<Result<{ pair: Pair; changed: boolean }, ConfirmRolesError>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.store.pairs.get(pairId, 'pair');
    if (stored?.doc.type !== 'pair' || !isMember(stored.doc, actor.email)) return err({ code: 'NOT_YOURS' });
    const answered = answerRoles(stored.doc, actor.email, press, utc(deps.clock.now()));
    if (!answered.ok) return answered;
    if (answered.value === 'UNCHANGED') return ok({ pair: stored.doc, changed: false });
    if ((await deps.store.pairs.replace(answered.value, stored.etag)).ok)
      return ok({ pair: answered.value, changed: true });
  }
  throw new Error(`pair ${pairId}: the pair document kept changing under the roles answer`);
}
