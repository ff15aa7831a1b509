import type { CalendarDeps } from './deps.js';

/** A push notification as the webhook parsed it from Google's headers. */
export interface ChannelNotification {
  readonly channelId: string;
  readonly token: string | undefined;
  readonly resourceState: string;
  readonly resourceId: string;
  readonly calendarId: string;
}

export type NotificationOutcome = 'ENQUEUED' | 'IGNORED_SYNC' | 'UNKNOWN_CHANNEL';

/**
 * Accepts a notification only for the calendar's current (or just-renewed) channel with that
 * channel's own token, and then only enqueues a sync. The `sync` handshake, unknown and stopped
 * channels are ignored: the caller answers 200 so Google does not retry them.
 */
export async function handleNotification(
  deps: Pick<CalendarDeps, 'store' | 'queue' | 'clock'>,
  note: ChannelNotification,
): Promise<NotificationOutcome> {
  const stored = await deps.store.calendars.get(note.calendarId, note.calendarId);
  const channel = [stored?.doc.channel, stored?.doc.previousChannel].find((c) => c?.id === note.channelId);
  if (channel === undefined || note.token === undefined || !sameSecret(channel.token, note.token)) {
    return 'UNKNOWN_CHANNEL';
  }
  if (channel.resourceId !== undefined && channel.resourceId !== note.resourceId) return 'UNKNOWN_CHANNEL';
  if (note.resourceState === 'sync') return 'IGNORED_SYNC';
  await deps.queue.send('calendar-sync', {
    calendarId: note.calendarId,
    reason: 'push',
    notifiedAt: deps.clock.now().toISOString(), // milliseconds: the coalescing compares it with a sync's start
  });
  return 'ENQUEUED';
}

/** Compares two secrets in time independent of where they differ. */
function sameSecret(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= expected.charCodeAt(i) ^ given.charCodeAt(i % Math.max(1, given.length));
  }
  return difference === 0;
}
