import {
  hasTrustedRoles,
  monthOf,
  utc,
  type Occurrence,
  type Pair,
  type User,
} from '../../shared/domain/index.js';
import {
  trustDigest,
  trustDigestPartition,
  type TrustDigest,
} from '../../shared/services/one-on-one/trust-digest.js';

export { trustDigestPartition };
import type { CardDataOf } from '../cards/card-data.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { deliverOnce, type DeliverOnceOutcome } from './deliver-once.js';
import { nameOf } from './present.js';

/** What a report (or anyone who manages nobody) is told on `digest`: nothing about anyone. */
export const DIGEST_FOR_MANAGERS =
  'The trust digest is for managers: it sums up the 1:1s you run with your reports. ' +
  'You manage no 1:1 in Steady, so there is no digest for you.';

/** The digest's delivery "occurrence": the month, `digest:2026-03`. */
export const digestKeyOf = (month: string): string => `digest:${month}`;

/** `digest`: the manager's digest now; anyone who manages nobody gets the plain explanation. */
export async function digestReply(deps: BotDeps, user: User): Promise<Reply> {
  const card = await trustDigestCard(deps, user, utc(deps.clock.now()));
  return card === undefined ? { text: DIGEST_FOR_MANAGERS } : { card };
}

/** The digest card of `manager` at `at`, in their zone; `undefined` when they manage nobody. */
export async function trustDigestCard(
  deps: BotDeps,
  manager: User,
  at: string,
): Promise<Record<string, unknown> | undefined> {
  const digest = await trustDigest(deps.store, manager.email, at, manager.timeZone);
  if (digest === undefined) return undefined;
  return deps.renderCard('trustDigest', await cardData(deps, digest));
}

/**
 * The monthly send: with the manager's agenda of a deep-dive 1:1, once per manager and calendar month
 * (the occurrence's month in the manager's zone). Another pair's deep dive, or a retry, finds the
 * delivery already sent.
 */
export async function deliverDigest(
  deps: BotDeps,
  pair: Pair,
  occurrence: Occurrence,
  manager: User,
): Promise<DeliverOnceOutcome | 'NOT_MANAGER'> {
  if (manager.email !== pair.managerEmail || !hasTrustedRoles(pair)) return 'NOT_MANAGER';
  const at = utc(deps.clock.now());
  return deliverOnce(deps, {
    kind: 'trustDigest',
    pair,
    partition: trustDigestPartition(manager.userId),
    occurrenceId: digestKeyOf(monthOf(occurrence.start, manager.timeZone)),
    recipient: manager,
    // built only when it is sent: the other pairs' deep dives of the month find it sent and read nothing
    card: async () => {
      const card = await trustDigestCard(deps, manager, at);
      if (card === undefined) throw new Error('trust digest: the manager of this pair manages no pair');
      return card;
    },
  });
}

async function cardData(deps: BotDeps, digest: TrustDigest): Promise<CardDataOf<'trustDigest'>> {
  const { followThrough: f } = digest;
  return {
    month: monthLabel(digest.month, 'long'),
    period: `${dayLabel(digest.from)} – ${dayLabel(previousDay(digest.until))}`,
    due: f.due,
    onTime: f.onTime,
    late: f.late,
    open: f.open,
    ...(f.due === 0 ? {} : { percent: Math.round((100 * f.onTime) / f.due) }),
    cadence: await Promise.all(
      digest.cadence.map(async (c) => ({
        reportName: await nameOf(deps.store, c.reportEmail),
        held: c.held,
        scheduled: c.scheduled,
      })),
    ),
    happinessFell: await Promise.all(
      digest.happinessFell.map(async (d) => ({
        reportName: await nameOf(deps.store, d.reportEmail),
        previous: d.previous,
        previousMonth: monthLabel(d.previousMonth, 'short'),
        latest: d.latest,
        latestMonth: monthLabel(d.latestMonth, 'short'),
      })),
    ),
  };
}

/** "2026-03" as "March 2026" or "Mar 2026". */
const monthLabel = (month: string, style: 'long' | 'short'): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: style, year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** "2026-03-02" as "2 Mar 2026". */
const dayLabel = (day: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${day}T00:00:00Z`));

const previousDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};
