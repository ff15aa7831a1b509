import { isInDeclinedSeries, type DeclinedSeries } from './declined-series.js';
import { isLive, isMissed, type Occurrence } from './occurrence.js';
import type { Pair } from './pair.js';

/** What the cadence rule remembers on the pair; absent until the first alert. */
export type CadenceState = NonNullable<Pair['cadence']>;

/** A pattern of misses worth telling the manager about. */
export interface CadenceFinding {
  readonly pattern: 'consecutive' | 'recent';
  /** How many occurrences of the window were missed. */
  readonly missed: number;
  /** How many occurrences were looked at: the run for `consecutive`, up to 6 for `recent`. */
  readonly window: number;
  /** Original starts of the missed occurrences in the window, oldest first. */
  readonly dates: readonly string[];
  /** The state to record when the alert is sent. */
  readonly next: CadenceState;
}

export const CADENCE_WINDOW = 6;
export const CADENCE_RECENT_MISSES = 3;
export const CADENCE_CONSECUTIVE_MISSES = 2;

/**
 * The cadence rule (docs/architecture.md §5.9), decided for one checked occurrence at its original start.
 *
 * - Order: the pair's occurrences, every series, by original start (then id). Only those up to and
 *   including the checked one count; later ones are ignored. A miss is `isMissed` (cancelled, or
 *   declined by either person); a moved occurrence is not, and an ended series' removed occurrences
 *   are simply absent.
 * - The checked occurrence must itself be missed: it is the one that completes the pattern, and its
 *   check runs at its original start, so the alert is never later than that.
 * - `consecutive`: the checked occurrence and the one just before it are missed. The alert reports the
 *   whole run of misses ending at the checked one, within the last 6 (`missed` = `window` = run).
 * - `recent`: otherwise, at least 3 of the last 6 are missed. The last 6 are the 6 most recent
 *   occurrences with original start ≤ the checked one's, the checked one included (fewer when the pair
 *   has fewer; `window` says how many).
 * - One alert per streak: after an alert for occurrence A (`state.alertedFor`), no alert until a 1:1 is
 *   held, i.e. a live occurrence whose start is after A's original start and not after the checked
 *   one's original start. The held 1:1 ends the streak; the pattern is then judged afresh over the last
 *   6, earlier misses included. A check for A itself or for anything before A never alerts again, so
 *   a repeated or late check is harmless.
 *
 * Everything is judged at the checked occurrence's original start, never the wall clock, so running
 * the same check twice gives the same answer.
 */
export function cadenceFinding(
  occurrences: readonly Occurrence[],
  checked: Occurrence,
  state: CadenceState | undefined,
): CadenceFinding | undefined {
  if (!isMissed(checked)) return undefined;
  const at = time(checked.originalStart);
  if (state !== undefined && !heldSince(occurrences, time(state.alertedFor), at)) return undefined;

  const upTo = occurrences
    .filter((o) => o.id !== checked.id && precedes(o, checked))
    .concat(checked)
    .sort(byOriginalStart);
  const window = upTo.slice(-CADENCE_WINDOW);
  const next = { alertedFor: checked.originalStart };

  const run = window.length - 1 - window.findLastIndex((o) => !isMissed(o));
  if (run >= CADENCE_CONSECUTIVE_MISSES) {
    const dates = window.slice(-run).map((o) => o.originalStart);
    return { pattern: 'consecutive', missed: run, window: run, dates, next };
  }
  const dates = window.filter(isMissed).map((o) => o.originalStart);
  if (dates.length >= CADENCE_RECENT_MISSES) {
    return { pattern: 'recent', missed: dates.length, window: window.length, dates, next };
  }
  return undefined;
}

/** A finding with the missed occurrence whose check found it. */
export interface CadencePattern extends CadenceFinding {
  readonly occurrenceId: string;
  readonly originalStart: string;
  /** When that occurrence is one of a declined series: the alert names the decline, not a count. */
  readonly declined?: DeclinedSeries;
}

/**
 * The cadence rule judged now, over the occurrences as they are known, past and future: the first
 * missed occurrence (by original start) whose check (`cadenceFinding`) alerts. A cancellation made
 * days ahead is therefore judged the moment a sync sees it, not at its date. A `consecutive` run
 * also names the misses already known right after it (up to the next 1:1 still on), so three
 * cancellations made at once give one alert that names all three. A pattern whose streak a 1:1
 * held since has already ended (`now`) is not news and is passed over: a pair whose roles were
 * confirmed after its misses is not alerted about them once it meets again. When the occurrence
 * that completes the pattern is one of a declined series (`declines`, see `declinedSeriesOf`), the
 * pattern carries the decline: one alert that names it, not a count of misses.
 */
export function cadenceNow(
  occurrences: readonly Occurrence[],
  state: CadenceState | undefined,
  now: string,
  declines: readonly DeclinedSeries[] = [],
): CadencePattern | undefined {
  const ordered = [...occurrences].sort(byOriginalStart);
  for (const occurrence of ordered) {
    if (!isMissed(occurrence)) continue;
    if (heldSince(ordered, time(occurrence.originalStart), time(now))) continue;
    const finding = cadenceFinding(ordered, occurrence, state);
    if (finding !== undefined) return patternAt(ordered, occurrence, finding, declines);
  }
  return undefined;
}

/** The finding of `checked`'s own check, with the known misses that follow a consecutive run. */
export function cadenceAt(
  occurrences: readonly Occurrence[],
  checked: Occurrence,
  declines: readonly DeclinedSeries[] = [],
): CadencePattern | undefined {
  const ordered = [...occurrences].sort(byOriginalStart);
  const finding = cadenceFinding(ordered, checked, undefined);
  return finding === undefined ? undefined : patternAt(ordered, checked, finding, declines);
}

function patternAt(
  ordered: readonly Occurrence[],
  checked: Occurrence,
  finding: CadenceFinding,
  declines: readonly DeclinedSeries[],
): CadencePattern {
  const declined = declines.find((d) => isInDeclinedSeries(checked, d));
  const at = {
    occurrenceId: checked.id,
    originalStart: checked.originalStart,
    ...(declined === undefined ? {} : { declined }),
  };
  if (finding.pattern !== 'consecutive') return { ...finding, ...at };
  const after = ordered.slice(ordered.findIndex((o) => o.id === checked.id) + 1);
  const end = after.findIndex((o) => !isMissed(o));
  const more = (end === -1 ? after : after.slice(0, end)).map((o) => o.originalStart);
  const run = finding.missed + more.length;
  return { ...finding, ...at, missed: run, window: run, dates: [...finding.dates, ...more] };
}

/** Whether a 1:1 was held after the alerted occurrence's original start, up to `until`. */
function heldSince(occurrences: readonly Occurrence[], alertedAt: number, until: number): boolean {
  return occurrences.some((o) => isLive(o) && time(o.start) > alertedAt && time(o.start) <= until);
}

const time = (instant: string): number => new Date(instant).getTime();

const byOriginalStart = (a: Occurrence, b: Occurrence): number =>
  time(a.originalStart) - time(b.originalStart) || a.id.localeCompare(b.id);

const precedes = (a: Occurrence, b: Occurrence): boolean => byOriginalStart(a, b) < 0;
