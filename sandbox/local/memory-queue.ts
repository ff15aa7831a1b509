import type { Queue, QueueName } from '../../shared/ports.js';

/** An in-memory Queue port for service tests: messages are JSON round-tripped, as on a real queue. */
export function memoryQueue() {
  const messages: { queue: QueueName; message: unknown; delaySeconds: number }[] = [];
  const queue: Queue = {
    send: async (name, message, options) => {
      messages.push({
        queue: name,
        message: JSON.parse(JSON.stringify(message)),
        delaySeconds: options?.delaySeconds ?? 0,
      });
    },
  };
  /** Takes every waiting message of one queue, oldest first. */
  const take = (name: QueueName): unknown[] => {
    const taken = messages.filter((m) => m.queue === name).map((m) => m.message);
    for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.queue === name) messages.splice(i, 1);
    return taken;
  };
  return { queue, messages, take };
}
