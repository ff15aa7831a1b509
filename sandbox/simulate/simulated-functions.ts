import { calendarChannels } from '../../functions/calendar-channels.js';
import { deliverFunction } from '../../functions/deliver.js';
import { hooked } from '../../functions/hooks.js';
import { scheduler } from '../../functions/scheduler.js';
import type { Root } from '../../app/root.js';
import { invocationContext, timerAt } from '../local/invoke.js';
import type { memoryQueue } from '../local/memory-queue.js';

/** host.json's `extensions.queues.maxDequeueCount`: after that many failures a message is poison. */
const MAX_DEQUEUE_COUNT = 8;

/**
 * The timer and queue functions of `functions/`, their handlers as registered (with the hooks), run on the simulated
 * clock against an in-memory queue: a handler that throws leaves its message for the next minute,
 * as the queue's visibility timeout does, until `maxDequeueCount` tries make it poison (logged).
 */
export function simulatedFunctions(root: Root, queued: ReturnType<typeof memoryQueue>, logs: string[]) {
  const handlers = {
    scheduler: hooked(scheduler(() => root)),
    calendarChannels: hooked(calendarChannels(() => root)),
    deliver: hooked(deliverFunction(() => root)),
  };
  const retries: { message: unknown; dequeueCount: number }[] = [];
  return {
    /** The every-minute `scheduler` timer. */
    scheduler: () => handlers.scheduler(timerAt(root.clock.now()), invocationContext('scheduler', logs)),
    /** The hourly `calendarChannels` timer. */
    calendarChannels: () =>
      handlers.calendarChannels(timerAt(root.clock.now()), invocationContext('calendarChannels', logs)),
    /** Deliveries that failed and wait for the next minute. */
    waiting: () => retries.length,
    /** Every waiting `deliveries` message through the `deliver` function, retries of earlier minutes first. */
    async deliveries(): Promise<void> {
      const batch = [
        ...retries.splice(0),
        ...queued.take('deliveries').map((message) => ({ message, dequeueCount: 0 })),
      ];
      for (const item of batch) {
        const dequeueCount = item.dequeueCount + 1;
        try {
          await handlers.deliver(item.message, invocationContext('deliver', logs));
        } catch {
          if (dequeueCount < MAX_DEQUEUE_COUNT) retries.push({ message: item.message, dequeueCount });
          else logs.push(`deliver: gave up after ${dequeueCount} tries: ${JSON.stringify(item.message)}`);
        }
      }
    },
  };
}
