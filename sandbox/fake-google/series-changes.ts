import type { calendar_v3 } from '@googleapis/calendar';
import { basicDate, basicUtc, isoDate } from './basic-utc.js';
import type { CalendarStore } from './calendar-store.js';
import { instantOf, parseEventTime, toEventDateTime } from './event-time.js';
import { expandSeries, findOccurrence } from './expand.js';
import { instant } from './occurrence-changes.js';
import { parseRecurrence } from './recurrence.js';

const DAY = 86_400_000;

/** Ends the series at `untilUtc` (inclusive) by rewriting each RRULE with UNTIL, dropping COUNT. */
export function truncateSeries(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
  untilUtc: string,
): void {
  const master = recurringMaster(store, calendarId, masterId);
  const allDay = Boolean(master.start?.date);
  const until = allDay ? basicDate(untilUtc.slice(0, 10)) : basicUtc(instant(untilUtc));
  store.write(calendarId, { ...master, recurrence: rewriteRules(master.recurrence ?? [], { until }) });
}

/**
 * Google's "this and following events": the old series ends just before `from`, a new series with its
 * own id and iCalUID starts there with `changes` applied, and the old series' exceptions from then on go.
 */
export function splitSeries(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
  fromOriginalStartUtc: string,
  changes: Partial<calendar_v3.Schema$Event>,
): calendar_v3.Schema$Event {
  const calendar = store.calendar(calendarId);
  const master = recurringMaster(store, calendarId, masterId);
  const allDay = Boolean(master.start?.date);
  const fromMs = allDay
    ? Date.parse(`${fromOriginalStartUtc.slice(0, 10)}T00:00:00Z`)
    : instant(fromOriginalStartUtc);
  const suffix = allDay ? basicDate(isoDate(fromMs)) : basicUtc(fromMs);
  const occurrence = findOccurrence(master, suffix, calendar.timeZone);
  if (!occurrence) throw new Error(`${masterId} has no occurrence starting at ${fromOriginalStartUtc}`);
  const splitAt = instantOf(occurrence.originalStart);

  // COUNT counts the rule's dates before EXDATE removes any, so count on the bare rules.
  const bareRules = {
    ...master,
    recurrence: (master.recurrence ?? []).filter((line) => /^RRULE/i.test(line)),
  };
  const before = expandSeries(bareRules, { from: -Infinity, to: splitAt }, calendar.timeZone).filter(
    (earlier) => instantOf(earlier.originalStart) < splitAt,
  ).length;
  const untilBefore = allDay ? basicDate(isoDate(fromMs - DAY)) : basicUtc(splitAt - 1000);
  const truncated = { ...master, recurrence: rewriteRules(master.recurrence ?? [], { until: untilBefore }) };

  const droppedExceptions = calendar
    .exceptionsOf(masterId)
    .map(({ resource }) => resource)
    .filter((exception) => {
      const original = parseEventTime(exception.originalStartTime, calendar.timeZone);
      return original !== undefined && instantOf(original) >= splitAt && exception.status !== 'cancelled';
    })
    .map((exception) => ({ ...exception, status: 'cancelled' }));

  const id = `${masterId}_R${suffix}`;
  const { etag: _etag, updated: _updated, ...fields } = structuredClone(master);
  const successor: calendar_v3.Schema$Event = {
    ...fields,
    start: toEventDateTime(occurrence.start),
    end: toEventDateTime(occurrence.end),
    recurrence: rewriteRules(master.recurrence ?? [], { countBefore: before }),
    ...changes,
    id,
    iCalUID: `${id}@google.com`,
    created: store.now().toISOString(),
  };
  const successorStart = parseEventTime(successor.start, calendar.timeZone);
  if (!successorStart) throw new Error(`splitSeries: the new series' start is unreadable`);
  parseRecurrence(successor.recurrence ?? [], successorStart.timeZone);
  const written = store.writeAll(calendarId, [truncated, ...droppedExceptions, successor]);
  const result = written[written.length - 1];
  if (!result) throw new Error('splitSeries wrote nothing');
  return result;
}

export function deleteSeries(store: CalendarStore, calendarId: string, masterId: string): void {
  const master = recurringMaster(store, calendarId, masterId);
  store.write(calendarId, { ...master, status: 'cancelled' });
}

export function deleteEvent(store: CalendarStore, calendarId: string, eventId: string): void {
  const event = store.calendar(calendarId).get(eventId)?.resource;
  if (!event) throw new Error(`no event ${eventId} on ${calendarId}`);
  store.write(calendarId, { ...event, status: 'cancelled' });
}

function recurringMaster(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
): calendar_v3.Schema$Event {
  const master = store.calendar(calendarId).get(masterId)?.resource;
  if (!master?.recurrence) throw new Error(`${masterId} is not a recurring event on ${calendarId}`);
  return structuredClone(master);
}

/** `until` replaces UNTIL and COUNT; `countBefore` lowers COUNT by the dates already used. */
function rewriteRules(lines: readonly string[], change: { until?: string; countBefore?: number }): string[] {
  return lines.map((line) => {
    if (!/^RRULE:/i.test(line)) return line;
    const parts = line.slice(6).split(';');
    if (change.until !== undefined) {
      const kept = parts.filter((part) => !/^(UNTIL|COUNT)=/i.test(part));
      return `RRULE:${[...kept, `UNTIL=${change.until}`].join(';')}`;
    }
    const countBefore = change.countBefore ?? 0;
    const rewritten = parts.map((part) => {
      const count = /^COUNT=(\d+)$/i.exec(part);
      return count?.[1] ? `COUNT=${Math.max(1, Number(count[1]) - countBefore)}` : part;
    });
    return `RRULE:${rewritten.join(';')}`;
  });
}
