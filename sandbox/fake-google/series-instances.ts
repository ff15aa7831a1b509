import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarData } from './calendar-data.js';
import { instantOf, occurrenceSuffix, parseEventTime } from './event-time.js';
import { expandSeries, findOccurrence, type TimeWindow } from './expand.js';
import { instanceOf } from './views.js';

/** An instance and the instant of its original start, which orders and pages instances. */
export interface SeriesInstance {
  originalStart: number;
  suffix: string;
  event: calendar_v3.Schema$Event;
}

/**
 * A series' instances in a window with the calendar's exceptions applied: a stored exception replaces
 * its occurrence (moved, declined or cancelled), and one moved into the window from outside joins it.
 */
export function seriesInstances(
  calendar: CalendarData,
  master: calendar_v3.Schema$Event,
  window: TimeWindow,
): SeriesInstance[] {
  const exceptions = new Map<string, calendar_v3.Schema$Event>();
  for (const { resource } of calendar.exceptionsOf(master.id ?? '')) {
    const original = parseEventTime(resource.originalStartTime, calendar.timeZone);
    if (original) exceptions.set(occurrenceSuffix(original), resource);
  }
  const instances: SeriesInstance[] = expandSeries(master, window, calendar.timeZone).flatMap(
    (occurrence) => {
      const exception = exceptions.get(occurrence.suffix);
      // A moved occurrence counts where it now is; a cancelled one where it was.
      if (exception && exception.status !== 'cancelled' && !overlaps(exception, window, calendar.timeZone))
        return [];
      const event = exception ?? instanceOf(master, occurrence);
      return [{ originalStart: instantOf(occurrence.originalStart), suffix: occurrence.suffix, event }];
    },
  );
  const seen = new Set(instances.map((instance) => instance.suffix));
  for (const [suffix, exception] of exceptions) {
    if (
      seen.has(suffix) ||
      exception.status === 'cancelled' ||
      !overlaps(exception, window, calendar.timeZone)
    ) {
      continue;
    }
    const occurrence = findOccurrence(master, suffix, calendar.timeZone);
    if (occurrence)
      instances.push({ originalStart: instantOf(occurrence.originalStart), suffix, event: exception });
  }
  return instances.sort((a, b) => a.originalStart - b.originalStart);
}

/** Whether a non-recurring event (or an exception) falls in the window by its own start and end. */
export function overlaps(
  event: calendar_v3.Schema$Event,
  window: TimeWindow,
  calendarTimeZone: string,
): boolean {
  const start = parseEventTime(event.start, calendarTimeZone);
  if (!start) return false;
  const end = parseEventTime(event.end, start.timeZone) ?? start;
  return instantOf(end) > window.from && instantOf(start) < window.to;
}
