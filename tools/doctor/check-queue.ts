import type { QueueServiceClient } from '@azure/storage-queue';
import type { Config } from '../../shared/config.js';
import type { QueueName } from '../../shared/ports.js';
import { pass, type Check, type Outcome } from './check.js';
import { queueFailure, withoutQuery } from './queue-failure.js';

/** Every queue the app sends to (typed, so a new `QueueName` must be added here) ... */
const SENT: Record<QueueName, true> = { 'calendar-sync': true, deliveries: true };
/** ... and the poison queue `functions/deliver.ts` listens on (the Functions host fills it). */
export const APP_QUEUES = [...(Object.keys(SENT) as QueueName[]), 'deliveries-poison'];

/**
 * The queue service answers with the configured auth, and each queue exists; a missing one is created
 * (as the app does on its first send), which proves the identity may create it too.
 */
export const queueCheck: Check = {
  name: 'queue',
  run: async ({ config, signal }) => {
    let service: QueueServiceClient | undefined;
    try {
      service = await queueService(config.queue);
      return await checkQueues(service, signal);
    } catch (error) {
      return queueFailure(error, config.queue, service?.url);
    }
  },
  timeoutFix: () =>
    'check that the storage account is reachable from here (DNS, proxy, Storage account > Networking)',
};

async function checkQueues(service: QueueServiceClient, signal: AbortSignal): Promise<Outcome> {
  const created: string[] = [];
  for (const name of APP_QUEUES) {
    const queue = service.getQueueClient(name);
    if (await queue.exists({ abortSignal: signal })) continue;
    await queue.createIfNotExists({ abortSignal: signal });
    created.push(name);
  }
  const present = APP_QUEUES.filter((name) => !created.includes(name));
  return pass(
    [
      `queue service ${withoutQuery(service.url)}`,
      present.length > 0 ? `${present.join(', ')} present` : '',
      created.length > 0 ? `created ${created.join(', ')} (the app would on its first send)` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );
}

async function queueService(queue: Config['queue']): Promise<QueueServiceClient> {
  const { QueueServiceClient } = await import('@azure/storage-queue');
  const options = { retryOptions: { maxTries: 1 } };
  if ('connectionString' in queue)
    return QueueServiceClient.fromConnectionString(queue.connectionString, options);
  const { DefaultAzureCredential } = await import('@azure/identity');
  const clientId = queue.managedIdentityClientId;
  const credential = new DefaultAzureCredential(
    clientId === undefined ? {} : { managedIdentityClientId: clientId },
  );
  return new QueueServiceClient(queue.queueServiceUri, credential, options);
}
