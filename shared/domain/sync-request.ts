import { z } from 'zod';
import { Instant } from './common.js';

/**
 * A message on the `calendar-sync` queue. `push`: a notification said the calendar changed;
 * `safety`: the periodic sync (push is not guaranteed); `renew`: the watch channel expires soon;
 * `stop`: nobody needs the calendar any more (its owner erased their data): stop watching, forget it.
 */
export const SyncRequest = z.object({
  calendarId: z.string().min(1).max(320),
  reason: z.enum(['push', 'safety', 'renew', 'start', 'stop']),
  notifiedAt: Instant,
});
export type SyncRequest = z.infer<typeof SyncRequest>;
