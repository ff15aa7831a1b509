import type { Occurrence } from './occurrence.js';

/** A person declined every occurrence of a series from a date on ("this and following", or "all events"). */
export interface DeclinedSeries {
  readonly seriesId: string;
  /** Who declined: one of the pair. */
  readonly by: string;
  /** The original start of the first occurrence they declined. */
  readonly from: string;
  /** How many of the occurrences known from `from` on they declined. */
  readonly declined: number;
}

/** At least this many declines, reaching the series' last known occurrence, make a declined series. */
export const DECLINED_SERIES_MIN = 2;

/**
 * Whether one person declined a series from a date on, read from its occurrences as Steady knows them
 * (Google's "this and following" and "all events" answers both show as every later instance declined):
 * the occurrences from some date to the last one known are all declined by that person (a cancelled
 * one among them does not break the run), at least `DECLINED_SERIES_MIN` of them. Pass the occurrences
 * of one active series; an ended series' last occurrences declined are just declines. Two single
 * declines of the last two occurrences known (weeks ahead, at the horizon) read the same: written down
 * in docs/decisions.md.
 */
export function declinedSeriesOf(occurrences: readonly Occurrence[]): DeclinedSeries | undefined {
  const ordered = [...occurrences].sort(
    (a, b) => a.originalStart.localeCompare(b.originalStart) || a.id.localeCompare(b.id),
  );
  const last = ordered.at(-1);
  if (last === undefined) return undefined;
  for (const person of [...last.declinedBy].sort()) {
    let first = ordered.length;
    while (first > 0) {
      const before = ordered[first - 1];
      if (before === undefined || !(before.declinedBy.includes(person) || before.status === 'cancelled'))
        break;
      first -= 1;
    }
    const declined = ordered.slice(first).filter((o) => o.declinedBy.includes(person));
    const start = declined[0];
    if (start !== undefined && declined.length >= DECLINED_SERIES_MIN)
      return { seriesId: last.seriesId, by: person, from: start.originalStart, declined: declined.length };
  }
  return undefined;
}

/** Whether `occurrence` is one of the occurrences a series decline covers. */
export const isInDeclinedSeries = (occurrence: Occurrence, declined: DeclinedSeries | undefined): boolean =>
  declined !== undefined &&
  occurrence.seriesId === declined.seriesId &&
  occurrence.declinedBy.includes(declined.by) &&
  occurrence.originalStart >= declined.from;
