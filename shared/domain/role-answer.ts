import type { Pair } from './pair.js';
import { err, ok, type Result } from './result.js';

/** An answer to "Is X your report?", always from the presser's side of the pair. */
export type RoleAnswer = 'reportsToMe' | 'managesMe' | 'peers';

/** `ask`: the organizer's first answer; `check`: the other person's word on it, once. */
export type RoleStep = 'ask' | 'check';

export type RoleAnswerError =
  | { readonly code: 'DIRECTORY_DECIDES' }
  | { readonly code: 'NOT_ASKED'; readonly askedEmail: string }
  | { readonly code: 'ALREADY_ANSWERED' }
  | { readonly code: 'NOT_YET_ANSWERED' };

/** What the pair's roles ask of this viewer's agenda, if anything (`current` is from the viewer's side). */
export function roleQuestionFor(
  pair: Pair,
  viewerEmail: string,
): { step: RoleStep | 'wait'; current?: RoleAnswer } | undefined {
  const viewer = viewerEmail.toLowerCase();
  const roles = pair.roles;
  if (roles === undefined || roles.source === 'unconfirmed')
    return askedOf(pair) === viewer ? { step: 'ask' } : { step: 'wait' };
  if (roles.source !== 'confirmed' || roles.settledBy !== undefined || roles.confirmedBy === viewer)
    return undefined;
  return { step: 'check', current: answerOf(pair, viewer) };
}

/**
 * Applies a press on the roles question. Only the person asked (the organizer) answers first; only
 * the other person then checks it, once ("That's right" or a correction); the directory's word is
 * never overridden from chat. The same press twice is `UNCHANGED`.
 */
export function answerRoles(
  pair: Pair,
  actorEmail: string,
  press: { readonly step: RoleStep; readonly answer: RoleAnswer | 'right' },
  now: string,
): Result<Pair | 'UNCHANGED', RoleAnswerError> {
  const actor = actorEmail.toLowerCase();
  const roles = pair.roles;
  if (roles?.source === 'directory') return err({ code: 'DIRECTORY_DECIDES' });
  const confirmed = roles?.source === 'confirmed';
  if (press.step === 'ask') {
    if (confirmed)
      return roles.confirmedBy === actor && press.answer !== 'right' && answerOf(pair, actor) === press.answer
        ? ok('UNCHANGED')
        : err({ code: 'ALREADY_ANSWERED' });
    const asked = askedOf(pair);
    if (actor !== asked) return err({ code: 'NOT_ASKED', askedEmail: asked });
    if (press.answer === 'right') return err({ code: 'NOT_YET_ANSWERED' });
    return ok(withAnswer(pair, actor, press.answer, { confirmedBy: actor, confirmedAt: now }, now));
  }
  if (!confirmed) return err({ code: 'NOT_YET_ANSWERED' });
  if (roles.confirmedBy === actor) return err({ code: 'ALREADY_ANSWERED' });
  if (roles.settledBy !== undefined)
    return roles.settledBy === actor && (press.answer === 'right' || answerOf(pair, actor) === press.answer)
      ? ok('UNCHANGED')
      : err({ code: 'ALREADY_ANSWERED' });
  const answer = press.answer === 'right' ? answerOf(pair, actor) : press.answer;
  return ok(withAnswer(pair, actor, answer, { settledBy: actor }, now));
}

/** Who answers first: the organizer the roles were asked of (the pair's first person on older pairs). */
function askedOf(pair: Pair): string {
  return pair.roles?.askedEmail ?? pair.managerEmail;
}

/** The pair's current roles as `viewer` would answer. */
function answerOf(pair: Pair, viewer: string): RoleAnswer {
  if (pair.roles?.relation === 'peers') return 'peers';
  return pair.managerEmail === viewer ? 'reportsToMe' : 'managesMe';
}

function withAnswer(
  pair: Pair,
  actor: string,
  answer: RoleAnswer,
  who: { confirmedBy?: string; confirmedAt?: string; settledBy?: string },
  now: string,
): Pair {
  const other = pair.managerEmail === actor ? pair.reportEmail : pair.managerEmail;
  const [managerEmail, reportEmail] =
    answer === 'reportsToMe'
      ? [actor, other]
      : answer === 'managesMe'
        ? [other, actor]
        : [pair.managerEmail, pair.reportEmail];
  const { cadence, ...rest } = pair;
  return {
    ...rest,
    // a cadence alert sent before the roles were known went to nobody; the state starts afresh on a swap
    ...(cadence !== undefined && managerEmail === pair.managerEmail ? { cadence } : {}),
    managerEmail,
    reportEmail,
    roles: {
      ...pair.roles,
      source: 'confirmed',
      relation: answer === 'peers' ? 'peers' : 'manages',
      askedEmail: askedOf(pair),
      ...who,
    },
    updatedAt: now,
  };
}
