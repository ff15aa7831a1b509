import type { Pair } from './pair.js';
import { err, ok, type Result } from './result.js';

/** An answer to "Is X your report?", always from the presser's side of the pair. */
export type RoleAnswer = 'reportsToMe' | 'managesMe' | 'peers';

/** `ask`: the organizer's first answer; `check`: the other person's word on the latest answer. */
export type RoleStep = 'ask' | 'check';

export type RoleAnswerError =
  | { readonly code: 'DIRECTORY_DECIDES' }
  | { readonly code: 'NOT_ASKED'; readonly askedEmail: string }
  | { readonly code: 'ALREADY_ANSWERED' }
  | { readonly code: 'NOT_YET_ANSWERED' }
  | { readonly code: 'AWAITING_OTHER' };

/**
 * What the pair's roles ask of this viewer's agenda, if anything: `current` is the answer given, from
 * the viewer's side; `refused` the answers the directory rules out for them (their buttons are left out).
 */
export function roleQuestionFor(
  pair: Pair,
  viewerEmail: string,
): { step: RoleStep | 'wait'; current?: RoleAnswer; refused: RoleAnswer[] } | undefined {
  const viewer = viewerEmail.toLowerCase();
  const roles = pair.roles;
  const refused = ANSWERS.filter((answer) => overridesDirectory(pair, viewer, answer));
  if (roles === undefined || roles.source === 'unconfirmed')
    return { step: askedOf(pair) === viewer ? 'ask' : 'wait', refused };
  if (roles.source !== 'confirmed' || roles.agreedBy !== undefined) return undefined;
  return { step: claimantOf(pair) === viewer ? 'wait' : 'check', current: answerOf(pair, viewer), refused };
}

const ANSWERS: readonly RoleAnswer[] = ['reportsToMe', 'managesMe', 'peers'];

/**
 * Applies a press on the roles question. Only the person asked (the organizer) answers first; the
 * other person then agrees ("That's right": from then on the roles are trusted) or answers otherwise,
 * which is a new answer for the first one to agree to. Nobody is trusted on their own word, and no
 * answer makes anyone the manager of a person whose manager the directory names. The same press twice
 * is `UNCHANGED`.
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
  const same = press.answer === 'right' || answerOf(pair, actor) === press.answer;
  if (press.step === 'ask') {
    if (confirmed)
      return claimantOf(pair) === actor && press.answer !== 'right' && same && roles.agreedBy === undefined
        ? ok('UNCHANGED')
        : err({ code: 'ALREADY_ANSWERED' });
    const asked = askedOf(pair);
    if (actor !== asked) return err({ code: 'NOT_ASKED', askedEmail: asked });
    if (press.answer === 'right') return err({ code: 'NOT_YET_ANSWERED' });
    return claim(pair, actor, press.answer, now);
  }
  if (!confirmed) return err({ code: 'NOT_YET_ANSWERED' });
  if (roles.agreedBy !== undefined)
    return roles.agreedBy === actor && same ? ok('UNCHANGED') : err({ code: 'ALREADY_ANSWERED' });
  if (claimantOf(pair) === actor) return err({ code: 'AWAITING_OTHER' });
  if (!same) return claim(pair, actor, press.answer, now);
  if (overridesDirectory(pair, actor, answerOf(pair, actor))) return err({ code: 'DIRECTORY_DECIDES' });
  const { settledBy: _before, ...agreed } = roles;
  return ok({ ...pair, roles: { ...agreed, agreedBy: actor }, updatedAt: now });
}

/** Who answers first: the organizer the roles were asked of (the pair's first person on older pairs). */
function askedOf(pair: Pair): string {
  return pair.roles?.askedEmail ?? pair.managerEmail;
}

/** Who gave the answer the pair stands on (a correction before issue 28 was `settledBy`'s). */
function claimantOf(pair: Pair): string | undefined {
  return pair.roles?.settledBy ?? pair.roles?.confirmedBy;
}

/** The pair's current roles as `viewer` would answer. */
function answerOf(pair: Pair, viewer: string): RoleAnswer {
  if (pair.roles?.relation === 'peers') return 'peers';
  return pair.managerEmail === viewer ? 'reportsToMe' : 'managesMe';
}

/** The two as `actor`'s answer places them. */
function placed(pair: Pair, actor: string, answer: RoleAnswer): [string, string] {
  const other = pair.managerEmail === actor ? pair.reportEmail : pair.managerEmail;
  if (answer === 'reportsToMe') return [actor, other];
  if (answer === 'managesMe') return [other, actor];
  return [pair.managerEmail, pair.reportEmail];
}

/** Whether the answer makes someone the manager of a person whose manager the directory names. */
function overridesDirectory(pair: Pair, actor: string, answer: RoleAnswer): boolean {
  if (answer === 'peers') return false;
  const [, report] = placed(pair, actor, answer);
  return (pair.roles?.managerListedFor ?? []).includes(report);
}

/** `actor`'s answer, waiting for the other person to agree. */
function claim(pair: Pair, actor: string, answer: RoleAnswer, now: string): Result<Pair, RoleAnswerError> {
  if (overridesDirectory(pair, actor, answer)) return err({ code: 'DIRECTORY_DECIDES' });
  const [managerEmail, reportEmail] = placed(pair, actor, answer);
  const { cadence, ...rest } = pair;
  const { settledBy: _before, agreedBy: _agreed, ...roles } = pair.roles ?? { relation: 'manages' };
  return ok({
    ...rest,
    // a cadence alert sent before the roles were known went to nobody; the state starts afresh on a swap
    ...(cadence !== undefined && managerEmail === pair.managerEmail ? { cadence } : {}),
    managerEmail,
    reportEmail,
    roles: {
      ...roles,
      source: 'confirmed',
      relation: answer === 'peers' ? 'peers' : 'manages',
      askedEmail: askedOf(pair),
      confirmedBy: actor,
      confirmedAt: now,
    },
    updatedAt: now,
  });
}
