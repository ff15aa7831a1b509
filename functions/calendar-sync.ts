import { app, type StorageQueueHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * The `calendar-sync` queue: one sync (or channel renewal) per message, coalesced per calendar.
 * A malformed message is logged and dropped (a retry cannot fix it); a failure throws, so the
 * platform retries and finally moves the message to the poison queue.
 */
export const calendarSync =
  (root: RootSource): StorageQueueHandler =>
  async (message) => {
    const [{ SyncRequest }, { processSyncRequest }] = await Promise.all([
      import('../shared/domain/sync-request.js'),
      import('../shared/services/calendar/process-sync-request.js'),
    ]);
    const request = SyncRequest.safeParse(message);
    if (!request.success) {
      log.warn('calendar.sync.malformed', { problem: request.error.issues[0]?.message });
      return;
    }
    const deps = await (await root()).calendarDeps();
    const outcome = await processSyncRequest(deps, request.data);
    if (outcome.status === 'DEFERRED') {
      await deps.queue.send('calendar-sync', request.data, { delaySeconds: outcome.delaySeconds });
    }
    log.info('calendar.sync', {
      calendar: request.data.calendarId,
      reason: request.data.reason,
      outcome: outcome.status,
    });
  };

app.storageQueue('calendarSync', {
  queueName: 'calendar-sync',
  connection: 'AzureWebJobsStorage',
  handler: calendarSync(workerRoot),
});
