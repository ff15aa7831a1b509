import type { calendar_v3 } from '@googleapis/calendar';
import { toEventDateTime } from './event-time.js';
import type { Occurrence } from './expand.js';

/** An occurrence as Google serves it: the master's fields, its own id, times and `originalStartTime`. */
export function instanceOf(
  master: calendar_v3.Schema$Event,
  occurrence: Occurrence,
): calendar_v3.Schema$Event {
  const { recurrence: _recurrence, ...fields } = structuredClone(master);
  return {
    ...fields,
    kind: 'calendar#event',
    id: `${master.id}_${occurrence.suffix}`,
    recurringEventId: master.id ?? null,
    originalStartTime: toEventDateTime(occurrence.originalStart),
    start: toEventDateTime(occurrence.start),
    end: toEventDateTime(occurrence.end),
  };
}

/**
 * A cancelled event in a list carries only what Google guarantees: `id` (an occurrence also its
 * `recurringEventId` and `originalStartTime`), so a client that reads more is caught here.
 */
export function cancelledView(event: calendar_v3.Schema$Event): calendar_v3.Schema$Event {
  const view: calendar_v3.Schema$Event = {
    kind: 'calendar#event',
    etag: event.etag ?? null,
    id: event.id ?? null,
    status: 'cancelled',
  };
  if (event.recurringEventId) {
    view.recurringEventId = event.recurringEventId;
    if (event.originalStartTime) view.originalStartTime = event.originalStartTime;
  }
  return view;
}

/** What list and instances serve for a stored or expanded event. */
export function listView(event: calendar_v3.Schema$Event): calendar_v3.Schema$Event {
  return event.status === 'cancelled' ? cancelledView(event) : event;
}
