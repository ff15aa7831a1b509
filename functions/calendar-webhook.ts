import { app, type HttpHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * `POST /api/calendar/webhook`: Google's push notifications. Only a notification with the channel's
 * own token enqueues a sync; anything else gets 200 and is ignored, so Google does not retry it.
 */
export const calendarWebhook =
  (root: RootSource): HttpHandler =>
  async (request) => {
    const { parseChannelNotification } = await import('./parse-channel-notification.js');
    const note = parseChannelNotification(request.headers);
    if (note === undefined) return { status: 200 };
    // Only the store and the queue: the webhook never loads the Google client.
    const [r, { handleNotification }] = await Promise.all([
      root(),
      import('../shared/services/calendar/notification.js'),
    ]);
    const outcome = await handleNotification(
      { clock: r.clock, store: await r.store(), queue: await r.queue() },
      note,
    );
    log.info('calendar.webhook', { outcome, channel: note.channelId, state: note.resourceState });
    return { status: outcome === 'ENQUEUED' ? 202 : 200 };
  };

app.http('calendarWebhook', {
  methods: ['POST'],
  authLevel: 'anonymous',
  route: 'calendar/webhook',
  handler: calendarWebhook(workerRoot),
});
