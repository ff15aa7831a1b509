import type { calendar_v3 } from '@googleapis/calendar';
import { foldAddress, utc, type Attendee, type CalendarEvent } from '../../domain/index.js';
import { joinUrlOf } from './join-url.js';

const responses = new Set<Attendee['responseStatus']>(['needsAction', 'declined', 'tentative', 'accepted']);

/** Google's event resource → Steady's `CalendarEvent`. Times become UTC instants; all-day events keep dates. */
export function toCalendarEvent(event: calendar_v3.Schema$Event): CalendarEvent {
  if (!event.id) throw new Error('Google Calendar returned an event without an id');
  const start = time(event.start);
  const end = time(event.end);
  const originalStart = time(event.originalStartTime);
  const joinUrl = joinUrlOf(event);
  return {
    id: event.id,
    status: event.status === 'cancelled' || event.status === 'tentative' ? event.status : 'confirmed',
    allDay: event.start?.date != null && event.start.dateTime == null,
    attendees: (event.attendees ?? []).flatMap((a) =>
      a.email
        ? [
            {
              email: foldAddress(a.email),
              responseStatus: responses.has(a.responseStatus as Attendee['responseStatus'])
                ? (a.responseStatus as Attendee['responseStatus'])
                : 'needsAction',
              resource: a.resource === true,
            },
          ]
        : [],
    ),
    attendeesOmitted: event.attendeesOmitted === true,
    ...(event.privateCopy === true ? { privateCopy: true as const } : {}),
    ...(event.iCalUID ? { iCalUID: event.iCalUID } : {}),
    ...(event.summary != null ? { summary: event.summary } : {}),
    ...(event.recurringEventId ? { recurringEventId: event.recurringEventId } : {}),
    ...(originalStart ? { originalStart } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(event.start?.timeZone ? { timeZone: event.start.timeZone } : {}),
    ...(event.recurrence ? { recurrence: event.recurrence } : {}),
    ...(event.eventType ? { eventType: event.eventType } : {}),
    ...(event.organizer?.email ? { organizerEmail: foldAddress(event.organizer.email) } : {}),
    ...(joinUrl === undefined ? {} : { joinUrl }),
  };
}

function time(value: calendar_v3.Schema$EventDateTime | undefined): string | undefined {
  if (value?.dateTime) return utc(value.dateTime);
  return value?.date ?? undefined;
}
