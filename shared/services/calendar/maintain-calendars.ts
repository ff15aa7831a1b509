import { addMinutes, isBefore } from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';
import { renewalDue } from './channels.js';

/**
 * The hourly pass over every watched calendar. It does no Google call itself: it enqueues a
 * renewal for a channel that expires within a day and a safety sync for a calendar not synced for
 * `safetySyncHours` (push notifications are not guaranteed), so the work fans out per calendar.
 */
export async function maintainCalendars(
  deps: CalendarDeps,
): Promise<{ renewals: number; safetySyncs: number }> {
  const now = deps.clock.now().toISOString();
  const stale = addMinutes(now, -deps.settings.safetySyncHours * 60);
  let renewals = 0;
  let safetySyncs = 0;
  let continuation: string | undefined;
  do {
    const page = await deps.store.calendars.scan({ limit: 500, ...(continuation ? { continuation } : {}) });
    for (const { doc } of page.items) {
      if (renewalDue(deps, doc)) {
        await deps.queue.send('calendar-sync', {
          calendarId: doc.calendarId,
          reason: 'renew',
          notifiedAt: now,
        });
        renewals += 1;
      }
      if (doc.lastSyncAt === undefined || !isBefore(stale, doc.lastSyncAt)) {
        await deps.queue.send('calendar-sync', {
          calendarId: doc.calendarId,
          reason: 'safety',
          notifiedAt: now,
        });
        safetySyncs += 1;
      }
    }
    continuation = page.continuation;
  } while (continuation !== undefined);
  return { renewals, safetySyncs };
}
