import type { CalendarEvent } from './calendar-event.js';
import type { Occurrence } from './occurrence.js';
import { addMinutes, utc } from './time.js';

/**
 * The state of one occurrence from the provider's expanded instance: cancelled, moved (its start
 * differs from its original start) or declined by either person of the pair.
 */
export function occurrenceFromInstance(
  instance: CalendarEvent,
  context: { readonly people: readonly string[]; readonly durationMinutes: number },
): Pick<Occurrence, 'originalStart' | 'start' | 'end' | 'status' | 'declinedBy' | 'joinUrl'> | undefined {
  const original = instance.originalStart ?? instance.start;
  if (original === undefined || instance.allDay) return undefined;
  const originalStart = utc(original);
  const start = instance.start === undefined ? originalStart : utc(instance.start);
  const end = instance.end === undefined ? addMinutes(start, context.durationMinutes) : utc(instance.end);
  const declinedBy = instance.attendees
    .filter((a) => a.responseStatus === 'declined' && context.people.includes(a.email))
    .map((a) => a.email)
    .sort();
  return {
    originalStart,
    start,
    end,
    status: instance.status === 'cancelled' ? 'cancelled' : 'confirmed',
    declinedBy,
    ...(instance.joinUrl === undefined ? {} : { joinUrl: instance.joinUrl }),
  };
}

/** The `UNTIL` of a series' RRULE as an instant, if it has one. */
export function untilOf(recurrence: readonly string[]): string | undefined {
  const rule = recurrence.find((line) => line.toUpperCase().startsWith('RRULE:'));
  const match = /UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?/i.exec(rule ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h = '23', mi = '59', s = '59'] = match;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
