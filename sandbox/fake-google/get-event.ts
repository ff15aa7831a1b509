import { notFound } from './errors.js';
import { findOccurrence } from './expand.js';
import type { HandlerContext, Reply } from './handler-context.js';
import { instanceOf } from './views.js';

/**
 * `GET .../events/{eventId}`: a stored event as it is (a cancelled one too), or an instance id
 * (`{masterId}_{suffix}`) of a series, expanded on the fly.
 */
export function getEvent(context: HandlerContext, calendarId: string, eventId: string): Reply {
  const calendar = context.store.calendar(calendarId);
  const stored = calendar.get(eventId);
  if (stored) return { status: 200, body: stored.resource };
  const split = eventId.lastIndexOf('_');
  const master = split > 0 ? calendar.get(eventId.slice(0, split))?.resource : undefined;
  if (!master?.recurrence) throw notFound();
  const occurrence = findOccurrence(master, eventId.slice(split + 1), calendar.timeZone);
  if (!occurrence) throw notFound();
  return { status: 200, body: instanceOf(master, occurrence) };
}
