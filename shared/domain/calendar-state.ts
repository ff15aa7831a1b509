import { z } from 'zod';
import { DocBase, Instant } from './common.js';

/**
 * A Google push channel (`events.watch`): notifications carry `id` and our random `token`. It is
 * saved before the watch call (a notification can arrive before the response), so `resourceId` and
 * `expiration` come later.
 */
export const WatchChannel = z.object({
  id: z.string().min(1).max(64),
  token: z.string().min(16).max(256),
  resourceId: z.string().min(1).optional(),
  expiration: Instant.optional(),
});
export type WatchChannel = z.infer<typeof WatchChannel>;

/** What Steady knows of one watched calendar (container `calendars`, partition `/calendarId`). */
export const CalendarState = DocBase.extend({
  type: z.literal('calendar'),
  calendarId: z.string().min(1),
  /** The users whose calendar this is (usually one). */
  ownerUserIds: z.array(z.string()),
  /** Absent before the first full sync and after a 410 (`fullSyncRequired`). */
  syncToken: z.string().optional(),
  channel: WatchChannel.optional(),
  /** The channel being replaced during a renewal, still accepted until it is stopped. */
  previousChannel: WatchChannel.optional(),
  lastSyncAt: Instant.optional(),
  /** When the last completed sync started: notifications from before it are already covered. */
  lastSyncStartedAt: Instant.optional(),
  /** A sync in progress; others wait for it rather than sync the same calendar at once. */
  lease: z.object({ startedAt: Instant, until: Instant }).optional(),
  /** The 1:1 series seen on this calendar, by master event id. */
  tracked: z.record(
    z.string(),
    z.object({
      pairId: z.string(),
      seriesId: z.string(),
      coveredUntil: Instant.optional(),
      /** When this calendar last had the directory asked about the series' pair (see `recheckRoles`). */
      rolesCheckedAt: Instant.optional(),
    }),
  ),
});
export type CalendarState = z.infer<typeof CalendarState>;
