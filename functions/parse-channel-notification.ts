import { z } from 'zod';
import type { ChannelNotification } from '../shared/services/calendar/notification.js';

const NotificationHeaders = z.object({
  'x-goog-channel-id': z.string().min(1).max(64),
  'x-goog-channel-token': z.string().max(256).optional(),
  'x-goog-resource-state': z.string().min(1).max(32),
  'x-goog-resource-id': z.string().min(1).max(256),
  'x-goog-resource-uri': z
    .string()
    .max(2048)
    .regex(/\/calendars\/[^/?]+\/events/),
});

/** Google's push notification headers → a notification, or undefined when they are not one. */
export function parseChannelNotification(
  headers: Iterable<[string, string]>,
): ChannelNotification | undefined {
  const lowerCased = Object.fromEntries([...headers].map(([name, value]) => [name.toLowerCase(), value]));
  const parsed = NotificationHeaders.safeParse(lowerCased);
  if (!parsed.success) return undefined;
  const h = parsed.data;
  const encoded = /\/calendars\/([^/?]+)\/events/.exec(h['x-goog-resource-uri'])?.[1] ?? '';
  let calendarId: string;
  try {
    calendarId = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  return {
    channelId: h['x-goog-channel-id'],
    token: h['x-goog-channel-token'],
    resourceState: h['x-goog-resource-state'],
    resourceId: h['x-goog-resource-id'],
    calendarId,
  };
}
