import type { calendar_v3 } from '@googleapis/calendar';
import rrule from 'rrule';
import { isoDate } from './basic-utc.js';
import { instantOf, occurrenceSuffix, parseEventTime, type EventTime } from './event-time.js';
import { parseRecurrence } from './recurrence.js';
import { fromFloating, toFloating } from './time-zone.js';

const { RRule } = rrule;

/** One occurrence of a series, before any exception is applied. */
export interface Occurrence {
  /** What Google appends to the series id: `20260310T080000Z` or `20260310`. */
  suffix: string;
  originalStart: EventTime;
  start: EventTime;
  end: EventTime;
}

/** Real instants: an occurrence is inside when it ends after `from` and starts before `to` (Google's timeMin/timeMax). */
export interface TimeWindow {
  from: number;
  to: number;
}

const DAY = 86_400_000;
const LAST_INSTANT = Date.UTC(9000, 0, 1);
/** Keeps an unbounded rule (FREQ=SECONDLY, no COUNT) from running away. */
const MAX_OCCURRENCES = 5000;

/**
 * Expands a master's RRULE/RDATE/EXDATE in the series' own zone (`start.timeZone`): rrule runs on
 * floating wall times, and each wall time is turned into an instant in that zone afterwards, so a
 * 09:00 Berlin meeting stays 09:00 local across DST and only its UTC time moves.
 */
export function expandSeries(
  master: calendar_v3.Schema$Event,
  window: TimeWindow,
  calendarTimeZone: string,
): Occurrence[] {
  const start = parseEventTime(master.start, calendarTimeZone);
  if (!start || !master.recurrence?.length) return [];
  const end = parseEventTime(master.end, start.timeZone) ?? start;
  const recurrence = parseRecurrence(master.recurrence, start.timeZone);
  const firstFloating = start.kind === 'date' ? start.floating : toFloating(start.ms, start.timeZone);
  const duration = start.kind === 'date' ? floatingOf(end) - start.floating : instantOf(end) - start.ms;

  const from = Math.max(
    firstFloating,
    toFloating(Math.max(window.from, 0), start.timeZone) - 2 * DAY - duration,
  );
  const to = toFloating(Math.min(window.to, LAST_INSTANT), start.timeZone) + 2 * DAY;
  if (to < from) return [];
  const floatings = new Set<number>();
  for (const rule of recurrence.rules) {
    const dates = new RRule({ ...rule, dtstart: new Date(firstFloating), tzid: null }).between(
      new Date(from),
      new Date(to),
      true,
      (_date, count) => count < MAX_OCCURRENCES,
    );
    for (const date of dates) floatings.add(date.getTime());
  }
  if (recurrence.rules.length === 0) floatings.add(firstFloating);
  for (const rdate of recurrence.rdates) if (rdate >= from && rdate <= to) floatings.add(rdate);
  for (const exdate of recurrence.exdates) floatings.delete(exdate);

  return [...floatings]
    .sort((a, b) => a - b)
    .map((floating) => occurrenceAt(floating, start, end, duration))
    .filter(
      (occurrence) => instantOf(occurrence.end) > window.from && instantOf(occurrence.start) < window.to,
    )
    .slice(0, MAX_OCCURRENCES);
}

/** The occurrence an instance id names (`suffix`), if the series really has one there. */
export function findOccurrence(
  master: calendar_v3.Schema$Event,
  suffix: string,
  calendarTimeZone: string,
): Occurrence | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(suffix);
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const around = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return expandSeries(master, { from: around - 2 * DAY, to: around + 2 * DAY }, calendarTimeZone).find(
    (occurrence) => occurrence.suffix === suffix,
  );
}

function floatingOf(time: EventTime): number {
  return time.kind === 'date' ? time.floating : toFloating(time.ms, time.timeZone);
}

function occurrenceAt(floating: number, start: EventTime, end: EventTime, duration: number): Occurrence {
  if (start.kind === 'date') {
    const originalStart: EventTime = {
      kind: 'date',
      date: isoDate(floating),
      floating,
      timeZone: start.timeZone,
    };
    const endFloating = floating + duration;
    return {
      suffix: occurrenceSuffix(originalStart),
      originalStart,
      start: originalStart,
      end: { kind: 'date', date: isoDate(endFloating), floating: endFloating, timeZone: start.timeZone },
    };
  }
  const ms = fromFloating(floating, start.timeZone);
  const originalStart: EventTime = { kind: 'dateTime', ms, timeZone: start.timeZone };
  return {
    suffix: occurrenceSuffix(originalStart),
    originalStart,
    start: originalStart,
    end: { kind: 'dateTime', ms: ms + duration, timeZone: end.timeZone },
  };
}
