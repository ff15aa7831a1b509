import { app, type StorageQueueHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * The `deliveries` queue: one message to one person, at most once. A throttled or in-flight send
 * throws, so the queue retries it after the visibility timeout; after `maxDequeueCount` the message
 * lands on `deliveries-poison`, which the poison function logs.
 */
export const deliverFunction =
  (root: RootSource): StorageQueueHandler =>
  async (message) => {
    const [{ DeliveryRequest }, { deliver }] = await Promise.all([
      import('../shared/domain/delivery-request.js'),
      import('../shared/services/delivery/deliver.js'),
    ]);
    const request = DeliveryRequest.safeParse(message);
    if (!request.success) {
      log.warn('deliver.malformed', { problem: request.error.issues[0]?.message });
      return;
    }
    const outcome = await deliver(await (await root()).delivery(), request.data);
    log.info('deliver', { kind: request.data.kind, occurrence: request.data.occurrenceId, outcome });
    if (outcome === 'RETRY' || outcome === 'IN_FLIGHT')
      throw new Error(`deliver: ${outcome}, retried by the queue`);
  };

/**
 * Messages that failed `maxDequeueCount` times: logged as errors so they are seen, never dropped
 * silently. A delivery request holds ids only (the log digests the email addresses in them).
 */
export const deliveriesPoison: StorageQueueHandler = async (message: unknown) => {
  log.error('deliver.gave_up', { message: JSON.stringify(message).slice(0, 1000) });
};

app.storageQueue('deliver', {
  queueName: 'deliveries',
  connection: 'AzureWebJobsStorage',
  handler: deliverFunction(workerRoot),
});

app.storageQueue('deliveriesPoison', {
  queueName: 'deliveries-poison',
  connection: 'AzureWebJobsStorage',
  handler: deliveriesPoison,
});
