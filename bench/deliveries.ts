import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import functions from '@azure/functions';
import { deliverFunction } from '../functions/deliver.js';
import { cryptoIds } from '../shared/adapters/crypto-ids.js';
import { staticDirectory } from '../shared/adapters/directory/static-directory.js';
import { openSqliteStore } from '../shared/adapters/sqlite/sqlite-store.js';
import { TEAMS_LIMITS } from '../shared/adapters/teams/rate-limiter.js';
import { createTeamsMessenger } from '../shared/adapters/teams/teams-messenger.js';
import { loadConfig } from '../shared/config.js';
import type { Store } from '../shared/ports.js';
import { createRoot } from '../app/root.js';
import { runScheduler } from '../shared/services/delivery/run-scheduler.js';
import { memoryQueue } from '../sandbox/local/memory-queue.js';
import { startFakeTeamsThread, type FakeTeamsThread } from './support/fake-teams-in-thread.js';
import { actionItemDoc, person, seedPair, TENANT, topicDoc, type Person } from './support/org.js';
import { atMost, equal, figure, ms, section } from './report.js';
import { hooked } from '../functions/hooks.js';

/** 1,500 pairs: 3,000 agendas (manager and report), all due Monday 9 March 2026 09:00 UTC. */
const PAIRS = 1_500;
/** Teams allows an app 30 requests a second per tenant; raised here so the run takes ~50 s, not 100. */
const TENANT_LIMIT = 60;
const TICK = '2026-03-09T09:00:30Z';
const STARTS = ['2026-03-03T09:00:00Z', '2026-03-10T09:00:00Z'];

/**
 * Deliveries: every agenda of a busy minute through the real path: the scheduler's tick puts one
 * `deliveries` message per recipient on the queue, then the `deliver` function handler (as the
 * Functions host runs it: up to batchSize + newBatchThreshold messages at once, a failed one back on
 * the queue after the visibility timeout) delivers each through the Teams messenger (Teams SDK client,
 * rate limiter, 429 handling) to the fake Teams with Teams' limits on.
 */
export async function benchDeliveries(): Promise<void> {
  const host = await hostQueueSettings();
  section(
    `deliveries: ${(PAIRS * 2).toLocaleString('en')} agendas due at ${TICK.slice(0, 16)}Z, fake Teams limits 7/s and 60/30 s per chat, ` +
      `${TENANT_LIMIT}/s per tenant (Teams: 30), ${host.concurrency} at a time (host.json), SQLite :memory:, ` +
      'a directory that knows everyone',
  );
  const d = await runDeliveries({ pairs: PAIRS, tenantLimit: TENANT_LIMIT });
  const minimum = (d.messages / TENANT_LIMIT) * 1000;
  figure(
    `completion, ${d.messages.toLocaleString('en')} agendas`,
    ms(d.elapsed),
    atMost(d.elapsed / minimum, 1.15, `${ms(minimum * 1.15)} (1.15×)`),
    `[${(d.elapsed / minimum).toFixed(3)} × the ${ms(minimum)} the tenant limit allows; ` +
      `${Math.round((d.messages / d.elapsed) * 1000)}/s]`,
  );
  figure('duplicates (cards beyond one per chat)', String(d.duplicates), equal(d.duplicates, 0));
  figure('lost (chats without their agenda)', String(d.lost), equal(d.lost, 0));
  figure(
    "429s from the fake's limits",
    String(d.count429),
    undefined,
    `[${d.retried} messages back on the queue, ${d.poisoned} poisoned; outcomes ${JSON.stringify(d.outcomes)}]`,
  );
  figure(
    'busy time of the event loop per delivery',
    ms((d.busy.active / d.messages) * 1, 2),
    undefined,
    `[${Math.round(d.busy.utilization * 100)}% busy; the fake Teams on its own thread; ` +
      `the tick: ${d.tick.due} due jobs, ${d.tick.enqueued} messages]`,
  );
}

/**
 * `pairs` pairs' agendas (two each) due in one scheduler tick, delivered as above with the tenant
 * limited to `tenantLimit` requests a second. Returns the counts: the bench prints them at 1,500
 * pairs, `test/integration/deliveries-count.test.ts` asserts them at a size a test run affords.
 */
export async function runDeliveries(options: { pairs: number; tenantLimit: number }) {
  const host = await hostQueueSettings();
  const people = Array.from({ length: options.pairs }, (_, n) => [
    person('manager', n),
    person('report', n),
  ]).flat();
  const teams = await startFakeTeamsThread({
    tenantId: TENANT,
    people: people.map((p) => ({
      email: p.email,
      name: p.name,
      aadObjectId: p.aadObjectId,
      installed: true,
    })),
    rateLimits: { perTenantPerSecond: options.tenantLimit },
  });
  const store = openSqliteStore(':memory:');
  try {
    await seed(store, teams, options.pairs);
    const queue = memoryQueue();
    const started = Date.now();
    const clock = { now: () => new Date(Date.parse(TICK) + (Date.now() - started)) };
    const tick = await runScheduler({ store, queue: queue.queue, clock });
    const messages = queue.take('deliveries');
    if (messages.length !== options.pairs * 2)
      throw new Error(`the tick enqueued ${messages.length} deliveries`);

    // the composition root, with the bench's store, clock, directory and Messenger (its own limits)
    const root = createRoot(loadConfig({ STEADY_MODE: 'local' }), {
      store,
      queue: queue.queue,
      clock,
      ids: cryptoIds,
      // the directory knows everyone (DIRECTORY=google): addresses are checked against it, not Teams
      directory: staticDirectory(
        Object.fromEntries(
          Array.from({ length: options.pairs }, (_, n) => [
            person('report', n).email,
            person('manager', n).email,
          ]),
        ),
      ),
      messenger: createTeamsMessenger({
        http: { token: 'bench-token' },
        botId: '28:steady-bot',
        allowLoopback: true,
        limits: { ...TEAMS_LIMITS, tenant: [{ limit: options.tenantLimit, ms: 1_000 }] },
      }),
    });
    const handler = hooked(deliverFunction(() => root));
    const loop = performance.eventLoopUtilization();
    const start = performance.now();
    const run = await drain(messages, host, async (message, context) => {
      await handler(message, context);
    });
    const elapsed = performance.now() - start;
    const busy = performance.eventLoopUtilization(loop);

    const { cards, count429 } = await teams.summary();
    const chats = teams.conversations;
    return {
      messages: messages.length,
      elapsed,
      busy,
      tick,
      count429,
      ...run,
      lost: chats.filter((c) => (cards[c.id] ?? 0) === 0).length,
      duplicates: chats.reduce((sum, c) => sum + Math.max(0, (cards[c.id] ?? 0) - 1), 0),
    };
  } finally {
    await store.close();
    await teams.stop();
  }
}

async function seed(store: Store, teams: FakeTeamsThread, pairs: number): Promise<void> {
  const chats = new Map(teams.conversations.map((c) => [c.email, c.id]));
  const chatOf = (p: Person) => ({ conversationId: chats.get(p.email) ?? '', serviceUrl: teams.url });
  for (let n = 0; n < pairs; n++) {
    const { pair, occurrences } = await seedPair(
      store,
      person('manager', n),
      person('report', n),
      STARTS,
      chatOf,
    );
    const next = occurrences[1];
    if (next === undefined) throw new Error('no occurrence');
    for (let i = 0; i < 3; i++)
      await store.pairs.upsert(topicDoc(pair, next, i, `Topic ${i}: the billing migration plan`, i !== 2));
    await store.pairs.upsert(actionItemDoc(pair, next, 0, 'Draft the design doc for the retry queue'));
  }
}

interface HostQueues {
  /** Messages handled at once by one instance: batchSize + newBatchThreshold. */
  readonly concurrency: number;
  readonly visibilityMs: number;
  readonly maxDequeueCount: number;
}

async function hostQueueSettings(): Promise<HostQueues> {
  const host = JSON.parse(await readFile(new URL('../host.json', import.meta.url), 'utf8')) as {
    extensions: {
      queues: {
        batchSize: number;
        newBatchThreshold: number;
        visibilityTimeout: string;
        maxDequeueCount: number;
      };
    };
  };
  const q = host.extensions.queues;
  const [h = 0, m = 0, s = 0] = q.visibilityTimeout.split(':').map(Number);
  return {
    concurrency: q.batchSize + q.newBatchThreshold,
    visibilityMs: ((h * 60 + m) * 60 + s) * 1000,
    maxDequeueCount: q.maxDequeueCount,
  };
}

/**
 * The queue trigger as one Functions instance runs it: `concurrency` messages in flight; a message
 * whose invocation throws comes back after the visibility timeout, and goes to poison after
 * `maxDequeueCount` tries. Resolves when every message is done.
 */
async function drain(
  messages: unknown[],
  host: HostQueues,
  invoke: (message: unknown, context: functions.InvocationContext) => Promise<unknown>,
) {
  const waiting = messages.map((message) => ({ message, dequeueCount: 0 }));
  const outcomes: Record<string, number> = {};
  let retried = 0;
  let poisoned = 0;
  let returning = 0;
  const context = () => {
    const ctx = new functions.InvocationContext({ functionName: 'deliver' });
    const log = (...args: unknown[]) => {
      // one JSON object a line (shared/log.ts): `deliver` lines carry the outcome
      const outcome = /"outcome":"([A-Z_]+)"/.exec(args.join(' '))?.[1] ?? 'other';
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    };
    ctx.log = log;
    ctx.warn = log;
    return ctx;
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      const next = waiting.shift();
      if (next === undefined) {
        if (returning === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      next.dequeueCount += 1;
      try {
        await invoke(next.message, context());
      } catch {
        if (next.dequeueCount >= host.maxDequeueCount) {
          poisoned += 1;
          continue;
        }
        retried += 1;
        returning += 1;
        setTimeout(() => {
          returning -= 1;
          waiting.push(next);
        }, host.visibilityMs);
      }
    }
  };
  await Promise.all(Array.from({ length: host.concurrency }, worker));
  return { outcomes, retried, poisoned };
}
