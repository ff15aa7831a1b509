import type { CalendarDeps } from './deps.js';
import { renewChannel } from './channels.js';
import { processSyncRequest, type SyncRequestOutcome } from './process-sync-request.js';

/**
 * Starts following a user's calendar (the user installed Steady): its state, a first full sync and
 * a watch channel. Safe to run again: the state is created once, the owner added once.
 */
export async function watchCalendar(
  deps: CalendarDeps,
  calendarId: string,
  ownerUserId: string,
): Promise<SyncRequestOutcome> {
  const now = deps.clock.now().toISOString();
  const created = await deps.store.calendars.create({
    type: 'calendar',
    id: calendarId,
    calendarId,
    ownerUserIds: [ownerUserId],
    tracked: {},
    createdAt: now,
    updatedAt: now,
  });
  if (!created.ok) {
    const stored = await deps.store.calendars.get(calendarId, calendarId);
    if (stored !== undefined && !stored.doc.ownerUserIds.includes(ownerUserId)) {
      await deps.store.calendars.replace(
        { ...stored.doc, ownerUserIds: [...stored.doc.ownerUserIds, ownerUserId], updatedAt: now },
        stored.etag,
      ); // a conflict here only means a concurrent install; the next install call adds the owner
    }
  }
  const outcome = await processSyncRequest(deps, { calendarId, reason: 'start', notifiedAt: now });
  await renewChannel(deps, calendarId);
  return outcome;
}
