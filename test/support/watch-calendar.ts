import type { CalendarDeps } from '../../shared/services/calendar/deps.js';
import {
  processSyncRequest,
  type SyncRequestOutcome,
} from '../../shared/services/calendar/process-sync-request.js';
import { startWatching } from '../../shared/services/calendar/watch-calendar.js';

/** `startWatching` and the first sync at once, without the queue (what a test sets up with). */
export async function watchCalendar(
  deps: CalendarDeps,
  calendarId: string,
  ownerUserId: string,
): Promise<SyncRequestOutcome> {
  await startWatching({ ...deps, queue: { send: async () => undefined } }, calendarId, ownerUserId);
  return processSyncRequest(deps, {
    calendarId,
    reason: 'start',
    notifiedAt: deps.clock.now().toISOString(),
  });
}
