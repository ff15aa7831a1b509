import {
  hasTrustedRoles,
  dayOf,
  isLive,
  isMissed,
  monthOf,
  type ActionItem,
  type Occurrence,
  type Pair,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';
import { pairsOf } from '../people.js';
import { pairOccurrences } from './occurrences.js';

/**
 * Where a manager's digest deliveries are kept: a partition of their own (by user id) in `pairs`, not one
 * pair's, so one month's record is found whichever pair's deep dive brings it; erasing them deletes it.
 */
export const trustDigestPartition = (userId: string): string => `trustDigest:${userId}`;

/** The digest looks back this many days: 8 weeks, for follow-through and cadence alike. */
export const TRUST_WINDOW_DAYS = 56;

/** Follow-through: the manager's own action items whose due date fell in the window. */
export interface FollowThrough {
  /** Items the manager owned with a due date in the window (the due day itself already over). */
  readonly due: number;
  /** Of those, done on or before their due date (in the manager's zone). */
  readonly onTime: number;
  /** Done, but after the due date. */
  readonly late: number;
  /** Not done yet. */
  readonly open: number;
}

/** Held of scheduled, for one report, over the window. */
export interface CadenceHealth {
  readonly pairId: string;
  readonly reportEmail: string;
  readonly scheduled: number;
  readonly held: number;
}

/** A report whose latest shared happiness score is lower than their previous shared one. */
export interface HappinessDrop {
  readonly pairId: string;
  readonly reportEmail: string;
  /** "2026-03", in the manager's zone. */
  readonly previousMonth: string;
  readonly previous: number;
  readonly latestMonth: string;
  readonly latest: number;
}

export interface TrustDigest {
  readonly managerEmail: string;
  /** "2026-03": the month of `at` in the manager's zone. */
  readonly month: string;
  /** The window's first day and the day it ends before (today), "YYYY-MM-DD" in the manager's zone. */
  readonly from: string;
  readonly until: string;
  readonly followThrough: FollowThrough;
  readonly cadence: readonly CadenceHealth[];
  readonly happinessFell: readonly HappinessDrop[];
}

/**
 * The manager's trust signals at `at` (docs/decisions.md, "Trust digest"), over the pairs they manage;
 * `undefined` when they manage nobody (a report gets no digest).
 *
 * - Follow-through: the action items the manager owns with a due date in the last 8 weeks, today
 *   excluded (the day is not over); on time = done, and done (`doneAt`, else the last update) on or
 *   before the due date in the manager's zone. Items without a due date are not counted.
 * - Cadence health per report: occurrences whose original start is in the last 8 weeks; held = live
 *   (not cancelled, nobody declined) and started. A live one moved to a later time not yet reached is
 *   left out: it is neither held nor missed yet.
 * - Happiness fell: the report's shared answers only, as stored now, placed at their occurrence's
 *   start, one per month (the last shared one); it fell when the latest month's score is lower than the previous
 *   one's. An unshared answer is skipped as if it did not exist.
 */
export async function trustDigest(
  store: Store,
  managerEmail: string,
  at: string,
  timeZone: string,
): Promise<TrustDigest | undefined> {
  const email = managerEmail.toLowerCase();
  // only the 1:1s a trusted source says this person manages (docs/decisions.md, "Who manages whom")
  const pairs = (await pairsOf(store, { email })).filter(
    (pair) => pair.managerEmail === email && hasTrustedRoles(pair),
  );
  if (pairs.length === 0) return undefined;
  const until = dayOf(at, timeZone);
  const from = addDays(until, -TRUST_WINDOW_DAYS);
  const windowStart = new Date(
    new Date(at).getTime() - TRUST_WINDOW_DAYS * 24 * 60 * 60 * 1000,
  ).toISOString();

  const owned: ActionItem[] = [];
  const cadence: CadenceHealth[] = [];
  const happinessFell: HappinessDrop[] = [];
  for (const pair of pairs) {
    const occurrences = await pairOccurrences(store, pair.pairId);
    owned.push(
      ...(await pairDocs(store, pair.pairId, 'actionItem')).filter(
        (item) => item.ownerEmail === email && item.due !== undefined && item.due >= from && item.due < until,
      ),
    );
    cadence.push(cadenceOf(pair, occurrences, windowStart, at));
    const drop = await happinessDrop(store, pair, occurrences, timeZone);
    if (drop !== undefined) happinessFell.push(drop);
  }
  const onTime = owned.filter(
    (item) => item.done && dayOf(item.doneAt ?? item.updatedAt, timeZone) <= item.due!,
  );
  const done = owned.filter((item) => item.done).length;
  return {
    managerEmail: email,
    month: monthOf(at, timeZone),
    from,
    until,
    followThrough: {
      due: owned.length,
      onTime: onTime.length,
      late: done - onTime.length,
      open: owned.length - done,
    },
    cadence,
    happinessFell,
  };
}

function cadenceOf(
  pair: Pair,
  occurrences: readonly Occurrence[],
  windowStart: string,
  at: string,
): CadenceHealth {
  const now = new Date(at).getTime();
  const inWindow = occurrences.filter((o) => {
    const original = new Date(o.originalStart).getTime();
    return original >= new Date(windowStart).getTime() && original <= now;
  });
  const started = (o: Occurrence) => new Date(o.start).getTime() <= now;
  const scheduled = inWindow.filter((o) => isMissed(o) || started(o));
  const held = scheduled.filter((o) => isLive(o) && started(o));
  return {
    pairId: pair.pairId,
    reportEmail: pair.reportEmail,
    scheduled: scheduled.length,
    held: held.length,
  };
}

async function happinessDrop(
  store: Store,
  pair: Pair,
  occurrences: readonly Occurrence[],
  timeZone: string,
): Promise<HappinessDrop | undefined> {
  const starts = new Map(occurrences.map((o) => [o.id, o.start]));
  const shared = (await pairDocs(store, pair.pairId, 'deepDiveAnswer'))
    .flatMap((answer) => {
      const start = starts.get(answer.occurrenceId);
      // only shared answers, ever: an unshared one is skipped before anything looks at its score
      return answer.shared && start !== undefined && answer.reportEmail === pair.reportEmail
        ? [{ happiness: answer.happiness, start }]
        : [];
    })
    .sort((a, b) => a.start.localeCompare(b.start));
  const byMonth = new Map<string, number>();
  for (const { happiness, start } of shared) byMonth.set(monthOf(start, timeZone), happiness);
  const months = [...byMonth];
  const [previous, latest] = months.slice(-2);
  if (months.length < 2 || previous === undefined || latest === undefined || latest[1] >= previous[1])
    return undefined;
  return {
    pairId: pair.pairId,
    reportEmail: pair.reportEmail,
    previousMonth: previous[0],
    previous: previous[1],
    latestMonth: latest[0],
    latest: latest[1],
  };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
