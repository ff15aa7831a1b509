import { z } from 'zod';
import { DocBase, Instant } from './common.js';

/** A Google push channel (`events.watch`): notifications carry `id` and our random `token`. */
export const WatchChannel = z.object({
  id: z.string().min(1).max(64),
  token: z.string().min(16).max(256),
  resourceId: z.string().min(1),
  expiration: Instant,
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
  lastSyncAt: Instant.optional(),
});
export type CalendarState = z.infer<typeof CalendarState>;
