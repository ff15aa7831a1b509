import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStorageQueue } from '../../shared/adapters/queue/storage-queue.js';
import type { QueueName } from '../../shared/ports.js';
import { startAzurite } from '../support/azurite.js';

let azurite: Awaited<ReturnType<typeof startAzurite>> | undefined;
let service: QueueServiceClient;

beforeAll(async () => {
  azurite = await startAzurite();
  service = QueueServiceClient.fromConnectionString(azurite.connectionString);
});

afterAll(async () => {
  await azurite?.stop();
});

// Every test starts with neither queue, so each one sees a queue's first send.
beforeEach(async () => {
  await service.getQueueClient('calendar-sync').deleteIfExists();
  await service.getQueueClient('deliveries').deleteIfExists();
});

const newQueue = () => createStorageQueue({ connectionString: azurite!.connectionString });

/** What the Functions host does with a queue message before the handler sees it. */
const decode = (messageText: string): unknown =>
  JSON.parse(Buffer.from(messageText, 'base64').toString('utf8'));

const exists = (name: QueueName) => service.getQueueClient(name).exists();

/** Every message in the queue, visible or not. */
async function count(name: QueueName): Promise<number> {
  if (!(await exists(name))) return 0;
  const { approximateMessagesCount } = await service.getQueueClient(name).getProperties();
  return approximateMessagesCount ?? Number.NaN;
}

/** Receives until the queue shows no more visible messages; returns them decoded. */
async function drain(name: QueueName): Promise<unknown[]> {
  const received: unknown[] = [];
  for (;;) {
    const { receivedMessageItems } = await service
      .getQueueClient(name)
      .receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 });
    if (receivedMessageItems.length === 0) return received;
    received.push(...receivedMessageItems.map((item) => decode(item.messageText)));
  }
}

describe('createStorageQueue on Azurite', () => {
  it('sends the message as base64 of its JSON, which the Functions host decodes back', async () => {
    const message = { pairId: 'p-1', text: 'Café ☕ — 1:1 «agenda»', nested: { n: 3, ok: true, none: null } };
    await newQueue().send('deliveries', message);

    const { receivedMessageItems } = await service.getQueueClient('deliveries').receiveMessages();
    expect(receivedMessageItems).toHaveLength(1);
    const [item] = receivedMessageItems;
    expect(item?.messageText).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decode(item!.messageText)).toEqual(message);
  });

  it('creates a queue on its first send, and keeps the two queues apart', async () => {
    const queue = newQueue();
    await queue.send('calendar-sync', { calendar: 'c-1' });
    expect(await exists('calendar-sync')).toBe(true);
    expect(await exists('deliveries')).toBe(false);

    await queue.send('deliveries', { delivery: 'd-1' });
    await queue.send('calendar-sync', { calendar: 'c-2' });
    expect(await drain('calendar-sync')).toEqual([{ calendar: 'c-1' }, { calendar: 'c-2' }]);
    expect(await drain('deliveries')).toEqual([{ delivery: 'd-1' }]);
  });

  it('creates each queue once per adapter, not on every send', async () => {
    const queue = newQueue();
    await queue.send('deliveries', { n: 1 });
    await service.getQueueClient('deliveries').delete();

    // The adapter no longer checks: a queue deleted behind its back stays missing.
    await expect(queue.send('deliveries', { n: 2 })).rejects.toMatchObject({ statusCode: 404 });
    expect(await exists('deliveries')).toBe(false);
  });

  it('keeps a delayed message invisible until its delay has passed', async () => {
    const queue = newQueue();
    await queue.send('calendar-sync', { delayed: true }, { delaySeconds: 1 });
    await queue.send('calendar-sync', { delayed: false }, { delaySeconds: 0 });

    expect(await count('calendar-sync')).toBe(2);
    expect(await drain('calendar-sync')).toEqual([{ delayed: false }]);
    const later = await vi.waitFor(
      async () => {
        const visible = await drain('calendar-sync');
        expect(visible).toHaveLength(1);
        return visible;
      },
      { timeout: 5_000, interval: 100 },
    );
    expect(later).toEqual([{ delayed: true }]);
  });

  it('refuses a message over 64 KB after encoding, naming the queue and the size, and enqueues nothing', async () => {
    const queue = newQueue();
    // JSON of 49,153 characters → 65,540 base64 bytes; 49,152 → exactly 65,536, the largest allowed.
    await expect(queue.send('deliveries', 'x'.repeat(49_151))).rejects.toThrow(
      /queue 'deliveries'.*65540 bytes.*limit is 65536/,
    );
    expect(await count('deliveries')).toBe(0);

    await queue.send('deliveries', 'x'.repeat(49_150));
    expect(await drain('deliveries')).toEqual(['x'.repeat(49_150)]);
  });

  it('refuses a delay that is not a whole number of seconds from 0 to 7 days, and enqueues nothing', async () => {
    const queue = newQueue();
    for (const delaySeconds of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 7 * 24 * 3600 + 1]) {
      await expect(queue.send('deliveries', { delaySeconds }, { delaySeconds })).rejects.toThrow(
        /queue 'deliveries': delaySeconds must be a whole number from 0 to 604800/,
      );
    }
    expect(await count('deliveries')).toBe(0);

    await queue.send('deliveries', { max: true }, { delaySeconds: 7 * 24 * 3600 });
    expect(await count('deliveries')).toBe(1);
  });

  it('delivers a concurrent burst of 50 sends to a new queue exactly once each', async () => {
    const queue = newQueue();
    const sent = Array.from({ length: 50 }, (_, n) => ({ n }));
    await Promise.all(sent.map((message) => queue.send('calendar-sync', message)));

    const received = await drain('calendar-sync');
    const byContent = new Map<string, number>();
    for (const message of received) {
      const key = JSON.stringify(message);
      byContent.set(key, (byContent.get(key) ?? 0) + 1);
    }
    expect(received).toHaveLength(50);
    expect([...byContent.keys()].sort()).toEqual(sent.map((message) => JSON.stringify(message)).sort());
    expect([...byContent.values()].every((times) => times === 1)).toBe(true);
  });
});
