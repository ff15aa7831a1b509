import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarData } from './calendar-data.js';
import { expandSeries, type TimeWindow } from './expand.js';
import { overlaps, seriesInstances } from './series-instances.js';
import { cancelledView, listView } from './views.js';

/** A list item and its position: `[event index, instance original start or 0]`. */
export interface ListEntry {
  key: [number, number];
  event: calendar_v3.Schema$Event;
}

export interface ListSelection {
  /** Incremental: only events written after this change sequence (deleted ones included). */
  since: number | null;
  singleEvents: boolean;
  showDeleted: boolean;
  window: TimeWindow | undefined;
  /** Where expansion stops without `timeMax`: a year from the fake's now. */
  expandUntil: number;
}

export function compareKeys(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Which events `events.list` returns, following Google's `showDeleted` rules: cancelled occurrences of
 * a series are listed even without `showDeleted` when `singleEvents` is false; an incremental sync
 * always lists deletions.
 */
export function listEntries(calendar: CalendarData, selection: ListSelection): ListEntry[] {
  const incremental = selection.since !== null;
  const entries: ListEntry[] = [];
  for (const { resource: event, index, sequence } of calendar.all()) {
    if (selection.since !== null && sequence <= selection.since) continue;
    const cancelled = event.status === 'cancelled';
    if (selection.singleEvents && event.recurrence) {
      if (cancelled) {
        // Google lists no recurring event itself here; a client must still learn the series went.
        if (incremental) entries.push({ key: [index, 0], event: cancelledView(event) });
        continue;
      }
      const window = selection.window ?? { from: -Infinity, to: selection.expandUntil };
      for (const instance of seriesInstances(calendar, event, window)) {
        // Exceptions are listed as the stored events they are, at their own position.
        if (instance.event.recurringEventId && calendar.get(instance.event.id ?? '')) continue;
        entries.push({ key: [index, instance.originalStart], event: instance.event });
      }
      continue;
    }
    const listed = cancelled
      ? incremental || selection.showDeleted || (!selection.singleEvents && Boolean(event.recurringEventId))
      : true;
    if (!listed || !inWindow(calendar, event, selection.window)) continue;
    entries.push({ key: [index, 0], event: listView(event) });
  }
  return entries;
}

function inWindow(
  calendar: CalendarData,
  event: calendar_v3.Schema$Event,
  window: TimeWindow | undefined,
): boolean {
  if (!window) return true;
  if (event.recurrence) return expandSeries(event, window, calendar.timeZone).length > 0;
  return overlaps(event, window, calendar.timeZone);
}
