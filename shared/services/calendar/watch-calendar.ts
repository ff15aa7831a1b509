import type { CalendarDeps } from './deps.js';

/**
 * Starts following a user's calendar (they installed Steady): its state, once, with the user as an
 * owner, and a `start` request on the sync queue, which runs the first full sync and opens the
 * watch channel. Safe to run again.
 */
export async function startWatching(
  deps: Pick<CalendarDeps, 'store' | 'queue' | 'clock'>,
  calendarId: string,
  ownerUserId: string,
): Promise<void> {
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
    if (stored === undefined || stored.doc.ownerUserIds.includes(ownerUserId)) return;
    // a conflict here means a concurrent change; the next install or sync keeps the state usable
    await deps.store.calendars.replace(
      { ...stored.doc, ownerUserIds: [...stored.doc.ownerUserIds, ownerUserId], updatedAt: now },
      stored.etag,
    );
    return;
  }
  await deps.queue.send('calendar-sync', { calendarId, reason: 'start', notifiedAt: now });
}
