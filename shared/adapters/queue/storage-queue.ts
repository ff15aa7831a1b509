import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import type { Queue, QueueName } from '../../ports.js';

/** Key auth (Azurite, tests) or the app's managed identity (user-assigned when a client id is given). */
export type StorageQueueOptions =
  { connectionString: string } | { queueServiceUri: string; managedIdentityClientId?: string };

/** Azure's limit on one message, counted on the text as sent (after base64). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Azure's limit on the initial visibility timeout of a new message. */
export const MAX_DELAY_SECONDS = 7 * 24 * 60 * 60;

/**
 * The Queue port on Azure Storage queues. Messages are JSON, base64-encoded as the Functions queue
 * trigger expects by default. Each queue is created when missing on the first send to it, once per
 * adapter: a send never pays for the check again. No retries beyond the SDK's; errors propagate so the
 * calling function fails and the platform retries it.
 */
export function createStorageQueue(options: StorageQueueOptions): Queue {
  const service = once(() => serviceClient(options));
  const queues = new Map<QueueName, Promise<QueueClient>>();

  const queueClient = (name: QueueName): Promise<QueueClient> => {
    const cached = queues.get(name);
    if (cached !== undefined) return cached;
    const created = service().then(async (s) => {
      const queue = s.getQueueClient(name);
      await queue.createIfNotExists();
      return queue;
    });
    // A failed creation is not kept: the next send (the platform's retry) tries again.
    created.catch(() => {
      if (queues.get(name) === created) queues.delete(name);
    });
    queues.set(name, created);
    return created;
  };

  return {
    async send(name, message, sendOptions) {
      const text = encodeMessage(name, message);
      const delay = sendOptions?.delaySeconds;
      if (delay !== undefined) checkDelay(name, delay);
      const queue = await queueClient(name);
      await queue.sendMessage(text, delay === undefined ? {} : { visibilityTimeout: delay });
    },
  };
}

/** JSON, then base64 of its UTF-8: what the Functions host decodes before it parses the JSON. */
function encodeMessage(queue: QueueName, message: unknown): string {
  const json = JSON.stringify(message) as string | undefined;
  if (json === undefined)
    throw new Error(`queue '${queue}': the message has no JSON form (${typeof message})`);
  const text = Buffer.from(json, 'utf8').toString('base64');
  if (text.length > MAX_MESSAGE_BYTES) {
    throw new Error(
      `queue '${queue}': the message is ${text.length} bytes after base64 encoding; the limit is ${MAX_MESSAGE_BYTES}`,
    );
  }
  return text;
}

function checkDelay(queue: QueueName, delaySeconds: number): void {
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
    throw new Error(
      `queue '${queue}': delaySeconds must be a whole number from 0 to ${MAX_DELAY_SECONDS} (7 days), got ${delaySeconds}`,
    );
  }
}

async function serviceClient(options: StorageQueueOptions): Promise<QueueServiceClient> {
  if ('connectionString' in options) return QueueServiceClient.fromConnectionString(options.connectionString);
  const { DefaultAzureCredential } = await import('@azure/identity');
  const clientId = options.managedIdentityClientId;
  const credential = new DefaultAzureCredential(
    clientId === undefined ? {} : { managedIdentityClientId: clientId },
  );
  return new QueueServiceClient(options.queueServiceUri, credential);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}
