import type { CalendarState } from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';

/**
 * Whether this calendar's copy of a tracked series decides its time and cancellation: the organizer's
 * copy does; an attendee's copy does only while the organizer's calendar is not followed (the organizer
 * has not installed Steady), since then it is the only copy Steady reads. Each person's own copy always
 * decides their own response (`refreshSeries`).
 */
export async function speaksFor(
  deps: CalendarDeps,
  calendarId: string,
  entry: CalendarState['tracked'][string],
): Promise<boolean> {
  const stored = await deps.store.pairs.get(entry.pairId, entry.seriesId);
  if (stored?.doc.type !== 'series') return true;
  return organizerDecides(stored.doc, calendarId);
}

/** `speaksFor` on a series already read. */
export function organizerDecides(
  series: {
    readonly organizerEmail?: string | undefined;
    readonly eventIds: Readonly<Record<string, string>>;
  },
  calendarId: string,
): boolean {
  const organizer = series.organizerEmail;
  if (organizer === undefined || calendarId.toLowerCase() === organizer) return true;
  return !Object.keys(series.eventIds).some((id) => id.toLowerCase() === organizer);
}
