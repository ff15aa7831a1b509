import { randomUUID } from 'node:crypto';
import { QueueClient, type DequeuedMessageItem } from '@azure/storage-queue';
import type { RpcInvocationRequest, RpcTypedData } from './core-types.js';
import type { DescribedFunction } from './describe-function.js';
import type { HostSettings } from './read-host-settings.js';

type QueueFunction = Extract<DescribedFunction, { kind: 'queue' }>;

export interface QueueOptions {
  readonly connectionString: string;
  readonly functions: readonly QueueFunction[];
  readonly settings: HostSettings['queues'];
  /** `true`: poll every queue every 200 ms (paused while `drain` runs). */
  readonly poll: boolean;
  readonly invoke: (
    fn: QueueFunction,
    request: Pick<RpcInvocationRequest, 'inputData' | 'triggerMetadata'>,
    reason: string,
  ) => Promise<unknown>;
  readonly log: (line: string) => void;
}

export interface Queues {
  /** Rounds of receive-and-handle over every queue until one finds nothing; the messages handled. */
  drain(maxRounds: number): Promise<number>;
  stop(): Promise<void>;
}

const POLL_MS = 200;
/** How long a received message stays invisible while its function runs (the host's lease, unrenewed). */
const LEASE_SECONDS = 10 * 60;

/**
 * The storage queue triggers, as the Functions host runs them: receive up to `batchSize` messages,
 * base64-decode each and hand it to the function (the library JSON-parses it when it is JSON), with
 * the host's trigger metadata. Success deletes the message. Failure makes it visible again after
 * host.json's `visibilityTimeout`, unless it was its `maxDequeueCount`th try: then it moves to
 * `<queue>-poison`. A message already past the count on receipt moves there untried.
 */
export async function listenQueues(options: QueueOptions): Promise<Queues> {
  const { settings, log } = options;
  const clients = new Map<string, QueueClient>();
  const client = (name: string) => {
    let c = clients.get(name);
    if (c === undefined) clients.set(name, (c = new QueueClient(options.connectionString, name)));
    return c;
  };
  const created = new Map<string, Promise<unknown>>();
  const ensure = (name: string) => {
    let p = created.get(name);
    if (p === undefined) {
      created.set(name, (p = client(name).createIfNotExists()));
      p.catch(() => created.delete(name));
    }
    return p;
  };
  await Promise.all(options.functions.map((fn) => ensure(fn.queueName)));

  const moveToPoison = async (fn: QueueFunction, message: DequeuedMessageItem) => {
    const poison = `${fn.queueName}-poison`;
    log(
      `${fn.name}: message ${message.messageId} has reached MaxDequeueCount of ${settings.maxDequeueCount}; moving it to queue '${poison}'`,
    );
    await ensure(poison);
    await client(poison).sendMessage(message.messageText);
    await client(fn.queueName).deleteMessage(message.messageId, message.popReceipt);
  };

  const handle = async (fn: QueueFunction, message: DequeuedMessageItem): Promise<void> => {
    const queue = client(fn.queueName);
    if (message.dequeueCount > settings.maxDequeueCount) return moveToPoison(fn, message);
    let ok = false;
    const text = decodeBase64(message.messageText);
    if (text === undefined) {
      log(`${fn.name} [error]: message ${message.messageId} is not base64; the host cannot decode it`);
    } else {
      try {
        await options.invoke(
          fn,
          {
            inputData: [{ name: fn.bindingName, data: { string: text } }],
            triggerMetadata: triggerMetadata(fn, message, text),
          },
          `New queue message detected on '${fn.queueName}'.`,
        );
        ok = true;
      } catch {
        // Logged by the invocation; the queue retries it.
      }
    }
    if (ok) await queue.deleteMessage(message.messageId, message.popReceipt);
    else if (message.dequeueCount >= settings.maxDequeueCount) await moveToPoison(fn, message);
    else
      await queue.updateMessage(
        message.messageId,
        message.popReceipt,
        undefined,
        settings.visibilityTimeoutSeconds,
      );
  };

  const receive = async (fn: QueueFunction): Promise<number> => {
    const { receivedMessageItems } = await client(fn.queueName).receiveMessages({
      numberOfMessages: settings.batchSize,
      visibilityTimeout: LEASE_SECONDS,
    });
    await settleAll(receivedMessageItems.map((message) => handle(fn, message)));
    return receivedMessageItems.length;
  };

  const inFlight = new Set<Promise<unknown>>();
  const round = (): Promise<number> => {
    const run = settleAll(options.functions.map(receive)).then((counts) => counts.reduce((a, b) => a + b, 0));
    inFlight.add(run);
    const done = () => inFlight.delete(run);
    void run.then(done, done);
    return run;
  };

  let stopped = false;
  let draining = 0;
  let timer: NodeJS.Timeout | undefined;
  let lastError = '';
  const schedule = () => {
    if (stopped || !options.poll) return;
    timer = setTimeout(() => {
      if (draining > 0) return schedule();
      round()
        .then(() => (lastError = ''))
        .catch((error: unknown) => {
          const text = String(error);
          if (text !== lastError) log(`queues: polling failed: ${text}`);
          lastError = text;
        })
        .finally(schedule);
    }, POLL_MS);
  };
  schedule();

  return {
    async drain(maxRounds) {
      draining++;
      try {
        await Promise.allSettled([...inFlight]);
        let handled = 0;
        for (let i = 0; i < maxRounds && !stopped; i++) {
          const n = await round();
          handled += n;
          if (n === 0) break;
        }
        return handled;
      } finally {
        draining--;
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Like Promise.all, but waits for every promise before it rejects with the first failure. */
async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

function decodeBase64(text: string): string | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64').toString('utf8');
}

/** The host's queue trigger metadata (the library camel-cases the keys). */
function triggerMetadata(
  fn: QueueFunction,
  m: DequeuedMessageItem,
  text: string,
): Record<string, RpcTypedData> {
  const time = (d: Date) => ({ json: JSON.stringify(d.toISOString().replace(/\.\d{3}Z$/, '+00:00')) });
  return {
    QueueTrigger: { string: text },
    DequeueCount: { json: String(m.dequeueCount) },
    ExpirationTime: time(m.expiresOn),
    Id: { string: m.messageId },
    InsertionTime: time(m.insertedOn),
    NextVisibleTime: time(m.nextVisibleOn),
    PopReceipt: { string: m.popReceipt },
    sys: {
      json: JSON.stringify({ MethodName: fn.name, UtcNow: new Date().toISOString(), RandGuid: randomUUID() }),
    },
  };
}
