import type { calendar_v3 } from '@googleapis/calendar';
import { basicDate, basicUtc } from './basic-utc.js';
import type { CalendarStore } from './calendar-store.js';
import { parseEventTime, toEventDateTime } from './event-time.js';
import { findOccurrence } from './expand.js';
import { instanceOf } from './views.js';

/**
 * Changes to one occurrence, stored as Google stores them: an exception event with the instance's
 * id, `recurringEventId` and `originalStartTime`. Misuse (no such series or occurrence) throws.
 */
export function cancelOccurrence(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
  originalStartUtc: string,
): void {
  const exception = exceptionFor(store, calendarId, masterId, originalStartUtc);
  store.write(calendarId, { ...exception, status: 'cancelled' });
}

export function moveOccurrence(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
  originalStartUtc: string,
  start: string,
  end: string,
): void {
  const exception = exceptionFor(store, calendarId, masterId, originalStartUtc);
  const timeZone = parseEventTime(exception.start, store.calendar(calendarId).timeZone)?.timeZone ?? 'UTC';
  const at = (value: string): calendar_v3.Schema$EventDateTime =>
    toEventDateTime({ kind: 'dateTime', ms: instant(value), timeZone });
  store.write(calendarId, { ...exception, start: at(start), end: at(end) });
}

export function declineOccurrence(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
  originalStartUtc: string,
  attendeeEmail: string,
): void {
  const exception = exceptionFor(store, calendarId, masterId, originalStartUtc);
  const attendees = exception.attendees ?? [];
  const attendee = attendees.find((a) => a.email?.toLowerCase() === attendeeEmail.toLowerCase());
  if (!attendee) throw new Error(`${attendeeEmail} is not an attendee of ${exception.id}`);
  attendee.responseStatus = 'declined';
  store.write(calendarId, { ...exception, attendees });
}

/** The occurrence's stored exception, or a fresh one made from the series. */
function exceptionFor(
  store: CalendarStore,
  calendarId: string,
  masterId: string,
  originalStartUtc: string,
): calendar_v3.Schema$Event {
  const calendar = store.calendar(calendarId);
  const master = calendar.get(masterId)?.resource;
  if (!master?.recurrence) throw new Error(`${masterId} is not a recurring event on ${calendarId}`);
  const suffix = /^\d{4}-\d{2}-\d{2}$/.test(originalStartUtc)
    ? basicDate(originalStartUtc)
    : basicUtc(instant(originalStartUtc));
  const existing = calendar.get(`${masterId}_${suffix}`)?.resource;
  if (existing) return structuredClone(existing);
  const occurrence = findOccurrence(master, suffix, calendar.timeZone);
  if (!occurrence) throw new Error(`${masterId} has no occurrence starting at ${originalStartUtc}`);
  return instanceOf(master, occurrence);
}

export function instant(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date-time: ${value}`);
  return ms;
}
