import type { calendar_v3 } from '@googleapis/calendar';
import { basicDate, basicUtc } from './basic-utc.js';
import { formatInZone, fromFloating, isTimeZone } from './time-zone.js';

/** An event's `start`/`end`/`originalStartTime`, resolved once: an all-day date or an instant, with its zone. */
export type EventTime =
  | { kind: 'date'; date: string; floating: number; timeZone: string }
  | { kind: 'dateTime'; ms: number; timeZone: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([zZ]|[+-]\d{2}:\d{2})?$/;
const HAS_OFFSET = /([zZ]|[+-]\d{2}:\d{2})$/;

/** Undefined when absent or malformed; a `dateTime` without an offset is read in its `timeZone`, as Google does. */
export function parseEventTime(
  value: calendar_v3.Schema$EventDateTime | null | undefined,
  fallbackTimeZone: string,
): EventTime | undefined {
  if (!value) return undefined;
  const timeZone = value.timeZone ?? fallbackTimeZone;
  if (!isTimeZone(timeZone)) return undefined;
  if (value.date) {
    if (!DATE.test(value.date)) return undefined;
    const floating = Date.parse(`${value.date}T00:00:00Z`);
    return Number.isNaN(floating) ? undefined : { kind: 'date', date: value.date, floating, timeZone };
  }
  if (value.dateTime && DATE_TIME.test(value.dateTime)) {
    const ms = HAS_OFFSET.test(value.dateTime)
      ? Date.parse(value.dateTime)
      : fromFloating(Date.parse(`${value.dateTime}Z`), timeZone);
    return Number.isNaN(ms) ? undefined : { kind: 'dateTime', ms, timeZone };
  }
  return undefined;
}

/** The instant an event time begins (an all-day date begins at midnight in its zone). */
export function instantOf(time: EventTime): number {
  return time.kind === 'date' ? fromFloating(time.floating, time.timeZone) : time.ms;
}

/** The suffix Google appends to a series id to name one occurrence: `20260310T090000Z` or `20260310`. */
export function occurrenceSuffix(time: EventTime): string {
  return time.kind === 'date' ? basicDate(time.date) : basicUtc(time.ms);
}

/** Back to the wire: `{ date }` or `{ dateTime, timeZone }` with the zone's offset at that instant. */
export function toEventDateTime(time: EventTime): calendar_v3.Schema$EventDateTime {
  return time.kind === 'date'
    ? { date: time.date }
    : { dateTime: formatInZone(time.ms, time.timeZone), timeZone: time.timeZone };
}
