import { utc, type User } from '../../shared/domain/index.js';
import { trustDigestCard } from '../../shared/services/delivery/cards.js';
import type { TrustDigest } from '../../shared/services/one-on-one/trust-digest.js';
import type { CardDataOf } from '../cards/card-data.js';
import type { BotDeps, Reply } from './bot-deps.js';
import type { Names } from './names.js';

/** What a report (or anyone who manages nobody) is told on `digest`: nothing about anyone. */
export const DIGEST_FOR_MANAGERS =
  'The trust digest is for managers: it sums up the 1:1s you run with your reports. ' +
  'You manage no 1:1 in Steady, so there is no digest for you.';

/** `digest`: the manager's digest now; anyone who manages nobody gets the plain explanation. */
export async function digestReply(deps: BotDeps, user: User): Promise<Reply> {
  const card = await trustDigestCard(deps, user, utc(deps.clock.now()));
  return card === undefined ? { text: DIGEST_FOR_MANAGERS } : { card };
}

/** The digest card's data: labels for its months and days, and each report's name. */
export function trustDigestData(digest: TrustDigest, names: Names): CardDataOf<'trustDigest'> {
  const nameFor = (email: string) => names.get(email) ?? email;
  const { followThrough: f } = digest;
  return {
    month: monthLabel(digest.month, 'long'),
    period: `${dayLabel(digest.from)} – ${dayLabel(previousDay(digest.until))}`,
    due: f.due,
    onTime: f.onTime,
    late: f.late,
    open: f.open,
    ...(f.due === 0 ? {} : { percent: Math.round((100 * f.onTime) / f.due) }),
    cadence: digest.cadence.map((c) => ({
      reportName: nameFor(c.reportEmail),
      held: c.held,
      scheduled: c.scheduled,
    })),
    happinessFell: digest.happinessFell.map((d) => ({
      reportName: nameFor(d.reportEmail),
      previous: d.previous,
      previousMonth: monthLabel(d.previousMonth, 'short'),
      latest: d.latest,
      latestMonth: monthLabel(d.latestMonth, 'short'),
    })),
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
