import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarStore } from './calendar-store.js';
import { occurrenceSuffix, parseEventTime } from './event-time.js';
import { parseRecurrence } from './recurrence.js';

/**
 * `upsertEvent` of the control API: fills in what Google assigns (id, iCalUID, status, kind, created)
 * and refuses, by throwing, an event the fake could not serve later (the caller is a test with a bug).
 */
export function upsertEvent(
  store: CalendarStore,
  calendarId: string,
  input: calendar_v3.Schema$Event,
): calendar_v3.Schema$Event {
  const calendar = store.calendar(calendarId);
  const event = structuredClone(input);
  const start = parseEventTime(event.start, calendar.timeZone);
  if (!start) throw new Error(`event ${event.id ?? '(new)'}: start is missing or unreadable`);
  if (!parseEventTime(event.end ?? event.start, start.timeZone))
    throw new Error(`event ${event.id ?? '(new)'}: end is unreadable`);
  if (event.recurrence) parseRecurrence(event.recurrence, start.timeZone);

  let master: calendar_v3.Schema$Event | undefined;
  if (event.recurringEventId) {
    const originalStart = parseEventTime(event.originalStartTime, start.timeZone);
    if (!originalStart)
      throw new Error(`exception of ${event.recurringEventId}: originalStartTime is required`);
    if (event.recurrence)
      throw new Error(`exception of ${event.recurringEventId} cannot have its own recurrence`);
    event.id ??= `${event.recurringEventId}_${occurrenceSuffix(originalStart)}`;
    master = calendar.get(event.recurringEventId)?.resource;
  }
  const id = event.id ?? store.nextEventId();
  const previous = calendar.get(id)?.resource;
  return store.write(calendarId, {
    kind: 'calendar#event',
    status: 'confirmed',
    eventType: 'default',
    sequence: 0,
    ...event,
    id,
    // Google gives an exception the iCalUID of its series.
    iCalUID: event.iCalUID ?? master?.iCalUID ?? `${id}@google.com`,
    created: previous?.created ?? event.created ?? store.now().toISOString(),
  });
}
