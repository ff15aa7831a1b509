import { app, type StorageQueueHandler } from '@azure/functions';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * The `deliveries` queue: one message to one person, at most once. A throttled or in-flight send
 * throws, so the queue retries it after the visibility timeout; after `maxDequeueCount` the message
 * lands on `deliveries-poison`, which the poison function logs.
 */
export const deliverFunction =
  (root: RootSource): StorageQueueHandler =>
  async (message, context) => {
    const [{ DeliveryRequest }, { deliver }] = await Promise.all([
      import('../shared/domain/delivery-request.js'),
      import('../teams-app/bot/deliver.js'),
    ]);
    const request = DeliveryRequest.safeParse(message);
    if (!request.success) {
      context.warn(`deliver: dropped a malformed message: ${request.error.issues[0]?.message ?? ''}`);
      return;
    }
    const bot = await (await root()).bot();
    const outcome = await deliver(bot.deps, request.data);
    context.log(`deliver ${request.data.kind} ${request.data.occurrenceId}: ${outcome}`);
    if (outcome === 'RETRY' || outcome === 'IN_FLIGHT')
      throw new Error(`deliver: ${outcome}, retried by the queue`);
  };

app.storageQueue('deliver', {
  queueName: 'deliveries',
  connection: 'AzureWebJobsStorage',
  handler: deliverFunction(workerRoot),
});

/** Messages that failed `maxDequeueCount` times: logged as errors so they are seen, never dropped silently. */
app.storageQueue('deliveriesPoison', {
  queueName: 'deliveries-poison',
  connection: 'AzureWebJobsStorage',
  handler: (message, context) => context.error(`deliver: gave up on ${JSON.stringify(message)}`),
});
