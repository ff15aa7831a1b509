import {
  addMinutes,
  isBefore,
  managerAndReport,
  pairIdOf,
  utc,
  type OneOnOne,
  type Pair,
  type PairRoles,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { linkPair } from '../people.js';
import { updatePair } from '../update-pair.js';
import type { CalendarDeps } from './deps.js';

/** How long the directory's word on a pair holds before the sync asks again (a new manager shows within a day). */
export const ROLES_RECHECK_HOURS = 24;

/**
 * The pair two people meet as, with its roles from a trusted source (docs/decisions.md, "Who manages
 * whom"). A pair is found under either order of the two emails, so a chat confirmation that swaps the
 * roles keeps the pair (and its id) it was found under. The directory's word decides:
 * - it names one of the two as the other's manager (direct or dotted line): that pair, `directory`. A
 *   pair of the two kept the other way round with trusted roles is a real role swap: a new pair starts
 *   and the old one's data stays with it.
 * - it names neither: where it names the manager of the person the organizer meets (someone else), it
 *   has answered: `directory` peers, nobody is asked; otherwise `unconfirmed`, and the two may settle it
 *   in chat, never making anyone the manager of a person whose manager it names. A pair the directory
 *   had placed drops at once (a new manager: nothing manager-only continues); a chat answer stands until
 *   the daily re-check finds the directory naming the report's manager. A new pair is keyed organizer first.
 */
export async function settlePair(deps: CalendarDeps, oneOnOne: OneOnOne): Promise<Pair> {
  const found = await rolesFromDirectory(deps, oneOnOne);
  const now = utc(deps.clock.now());
  const forward = await pairDoc(deps.store, pairIdOf(found.managerEmail, found.reportEmail));
  const reverse = await pairDoc(deps.store, pairIdOf(found.reportEmail, found.managerEmail));
  const directory: PairRoles = { source: 'directory', relation: 'manages', checkedAt: now };
  let pair: Pair | undefined;
  if (found.source === 'directory') {
    const target =
      forward ??
      (reverse !== undefined && !swapsTrustedRoles(reverse, found.managerEmail) ? reverse : undefined);
    pair =
      target === undefined
        ? undefined
        : await updatePair(deps.store, target.pairId, (p) =>
            p.roles?.source === 'directory' &&
            p.roles.relation === 'manages' &&
            p.managerEmail === found.managerEmail &&
            !stale(p.roles, now)
              ? undefined
              : withRoles(p, found.managerEmail, found.reportEmail, directory, now),
          );
    pair ??= await createPair(deps, found.managerEmail, found.reportEmail, directory);
  } else {
    const target = forward ?? reverse;
    const fresh = (askedEmail: string): PairRoles => {
      const met = oneOnOne.people.find((person) => person !== askedEmail) ?? found.reportEmail;
      const listed = { askedEmail, managerListedFor: found.managerListedFor, checkedAt: now };
      return found.managerListedFor.includes(met)
        ? { source: 'directory', relation: 'peers', ...listed }
        : { source: 'unconfirmed', relation: 'manages', ...listed };
    };
    const asked = oneOnOne.organizerEmail ?? oneOnOne.people[0];
    pair =
      target === undefined
        ? undefined
        : await updatePair(deps.store, target.pairId, (p) => {
            const roles = p.roles;
            const dropped = roles?.source === 'directory' && roles.relation === 'manages';
            if (roles !== undefined && !dropped && !stale(roles, now)) return undefined;
            const again = fresh(roles?.askedEmail ?? asked);
            if (roles?.source === 'confirmed' && again.source === 'unconfirmed' && !overridden(p, found))
              return {
                ...p,
                roles: { ...roles, managerListedFor: found.managerListedFor, checkedAt: now },
                updatedAt: now,
              };
            return { ...p, roles: again, updatedAt: now };
          });
    pair ??= await createPair(deps, found.managerEmail, found.reportEmail, fresh(asked));
  }
  await linkPair(deps.store, pair); // again each time: a crash between the two writes heals on the next sync
  return pair;
}

/**
 * Who manages whom, as the directory says, asking it as little as it can: the second person's entry
 * first (they are the report when the first one, often the organizer, manages them), the first
 * person's only when the second's does not name them. A manager with many reports is then not asked
 * about at each of their 1:1s' daily checks.
 */
async function rolesFromDirectory(deps: CalendarDeps, oneOnOne: OneOnOne) {
  const [a, b] = oneOnOne.people;
  const people = new Map([[b, await deps.directory.person(b)]]);
  const found = managerAndReport(oneOnOne, people);
  if (found.source === 'directory') return found;
  people.set(a, await deps.directory.person(a));
  return managerAndReport(oneOnOne, people);
}

/** Whether the directory's `managerEmail` turns round a pair whose roles a trusted source had set the other way. */
function swapsTrustedRoles(pair: Pair, managerEmail: string): boolean {
  const trusted =
    pair.roles?.source === 'directory' ||
    (pair.roles?.source === 'confirmed' && pair.roles.relation === 'manages');
  return trusted && pair.managerEmail !== managerEmail;
}

/**
 * The pair with `managerEmail` managing `reportEmail` as `roles` say. When the two change places, the
 * cadence state (an alert sent to the former manager) no longer applies and goes.
 */
export function withRoles(
  pair: Pair,
  managerEmail: string,
  reportEmail: string,
  roles: PairRoles,
  now: string,
): Pair {
  const { cadence, ...rest } = pair;
  return {
    ...rest,
    ...(cadence !== undefined && pair.managerEmail === managerEmail ? { cadence } : {}),
    managerEmail,
    reportEmail,
    roles,
    updatedAt: now,
  };
}

function stale(roles: PairRoles, now: string): boolean {
  return (
    roles.checkedAt === undefined || !isBefore(addMinutes(now, -ROLES_RECHECK_HOURS * 60), roles.checkedAt)
  );
}

/** Whether a chat answer makes someone the manager of a person whose manager the directory now names. */
function overridden(pair: Pair, found: { managerListedFor: readonly string[] }): boolean {
  return pair.roles?.relation === 'manages' && found.managerListedFor.includes(pair.reportEmail);
}

async function pairDoc(store: Store, pairId: string): Promise<Pair | undefined> {
  const stored = await store.pairs.get(pairId, 'pair');
  return stored?.doc.type === 'pair' ? stored.doc : undefined;
}

async function createPair(
  deps: CalendarDeps,
  managerEmail: string,
  reportEmail: string,
  roles: PairRoles,
): Promise<Pair> {
  const now = utc(deps.clock.now());
  const pair: Pair = {
    type: 'pair',
    id: 'pair',
    pairId: pairIdOf(managerEmail, reportEmail),
    managerEmail,
    reportEmail,
    roles,
    tracking: 'active',
    createdAt: now,
    updatedAt: now,
  };
  const created = await deps.store.pairs.create(pair);
  if (created.ok) return pair;
  // CONFLICT: another sync created it a moment ago; its document is the one to use
  return (await pairDoc(deps.store, pair.pairId)) ?? pair;
}
