import { calendarChannels } from '../../../functions/calendar-channels.js';
import { calendarSync } from '../../../functions/calendar-sync.js';
import { deliverFunction } from '../../../functions/deliver.js';
import { scheduler } from '../../../functions/scheduler.js';
import { startBotSystem } from '../../../sandbox/local/bot-system.js';
import { calendarHarness } from '../../../sandbox/local/calendar-system.js';
import { dueTimesAround } from '../../../sandbox/local/due-times.js';
import { invocationContext, timerAt } from '../../../sandbox/local/invoke.js';
import type { FakeGoogleCalendarOptions } from '../../../sandbox/fake-google/index.js';
import { createTeamsMessenger } from '../../../shared/adapters/teams/teams-messenger.js';
import type { QueueName, Store } from '../../../shared/ports.js';
import type { Root } from '../../../app/root.js';
import { pairDocs } from '../../../shared/services/pair-docs.js';
import { DeliveryLedger, KillSwitch } from './ledger.js';
import { hooked } from '../../../functions/hooks.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** host.json `extensions.queues`: a message that failed this many times goes to the poison queue. */
const MAX_DEQUEUE_COUNT = 8;
/** host.json `batchSize`: how many messages of one queue a worker handles at once. */
const BATCH_SIZE = 8;
export const TENANT = 'tenant-contoso';

export interface SystemPerson {
  readonly email: string;
  readonly name: string;
  readonly timeZone: string;
  /** Installs the Teams app when the system starts. */
  readonly teams: boolean;
}

export interface SystemOptions {
  readonly start: string;
  readonly people: readonly SystemPerson[];
  /** The directory: report → manager. */
  readonly managers: Readonly<Record<string, string>>;
  /** SQLite `:memory:` by default. */
  readonly store?: Store;
  /** The store the driver reads job due times from, past any fault wrapper; `store` by default. */
  readonly driverStore?: Store;
  readonly fake?: FakeGoogleCalendarOptions;
  /**
   * Every Teams send (deliveries, the welcome, replies, card updates) through a Messenger whose
   * limits, per chat and per tenant, are raised to this many a second, with the fake Teams' own limits
   * off. Teams' limits are wall-clock limits: the soak sends tens of thousands of cards in a few
   * minutes of wall time (the limits themselves are measured by `npm run bench`).
   */
  readonly tenantLimitPerSecond?: number;
  /**
   * With `tenantLimitPerSecond`: the Messenger's waits between retries (Retry-After, backoff) are
   * cut 20-fold, so a soak's injected Teams faults cost seconds, not minutes. They are still waited
   * for, in order; the fault matrix checks the real waits.
   */
  readonly fastRetries?: boolean;
  /** How many messages of a queue are handled at once: host.json's batch size (8) by default. */
  readonly concurrency?: number;
}

interface Waiting {
  readonly queue: QueueName;
  readonly message: unknown;
  visibleAt: number;
  dequeueCount: number;
}

/**
 * Steady on a simulated clock, driven as Azure drives it, through the function handlers as
 * `functions/` registers them: the calendar webhook (over HTTP, from the fake Google's push), the
 * `calendar-sync` and `deliveries` queue functions (up to 8 messages at once, a failed message
 * visible again a minute later, poison after 8 tries, a `delaySeconds` honoured), the hourly
 * `calendarChannels` timer and the every-minute `scheduler` timer. Around it: the real Google adapter
 * against the fake Google Calendar, the real Teams SDK bot and Messenger against the fake Teams, and a
 * Store (SQLite, or Cosmos DB through its adapter).
 *
 * Idle minutes are skipped: a minute is run when something can happen in it (a step, an hour's
 * timers, a queue message becoming visible, a job falling due, whose time the driver reads from the
 * job buckets). A scheduler run in any other minute finds nothing due and changes nothing but its
 * cursor, so the outcome is the same as ticking every minute.
 */
export async function startSystem(options: SystemOptions) {
  const calendar = await calendarHarness({
    start: options.start,
    managers: { ...options.managers },
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.fake === undefined ? {} : { fake: options.fake }),
  });
  const conversations = new Map<string, string>();
  const ledger = new DeliveryLedger(
    (id) => conversations.get(id.split(';')[0] ?? id) ?? '',
    () => calendar.time.clock.now().getTime(),
    async (pairId) => {
      // read past any fault wrapper: this is the test's bookkeeping, not Steady's
      const deliveries = await pairDocs(options.driverStore ?? calendar.store, pairId, 'delivery');
      const sending = deliveries.filter((d) => d.kind === 'cadenceAlert' && d.state === 'sending');
      return sending.length === 1 ? sending[0]?.occurrenceId : undefined;
    },
  );
  const raised = options.tenantLimitPerSecond;
  // With raised limits, the bot's own sends (welcome, replies, card updates) use them too.
  const fastMessenger =
    raised === undefined
      ? undefined
      : ledger.wrap(
          createTeamsMessenger({
            http: { token: 'steady-local-token' },
            botId: '28:steady-bot',
            allowLoopback: true,
            limits: { conversation: [{ limit: raised, ms: 1_000 }], tenant: [{ limit: raised, ms: 1_000 }] },
            ...(options.fastRetries === true
              ? { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / 20)) }
              : {}),
          }),
        );
  const bots = await startBotSystem(calendar, {
    tenantId: TENANT,
    people: options.people.map(({ email, name, timeZone }) => ({ email, name, timeZone })),
    ...(raised === undefined ? {} : { rateLimits: false as const }),
    wrapMessenger: (messenger) => fastMessenger ?? ledger.wrap(messenger),
  });
  const teams = bots.teams;
  const kill = new KillSwitch(ledger);
  const delivery = { ...bots.bot.deps, messenger: kill.wrap(bots.bot.deps.messenger) };
  // deliveries (not the bot's replies) go through the kill switch
  const root: Root = { ...bots.root, delivery: async () => delivery };
  const logs = calendar.logs;
  const handlers = {
    scheduler: hooked(scheduler(() => root)),
    channels: hooked(calendarChannels(() => root)),
    deliver: hooked(deliverFunction(() => root)),
    sync: hooked(calendarSync(() => root)),
  };
  const clock = calendar.time;
  const driverStore = options.driverStore ?? calendar.store;
  const now = () => clock.clock.now().getTime();

  const waiting: Waiting[] = [];
  const poisoned: { queue: QueueName; message: unknown }[] = [];
  const events: { at: number; order: number; label: string; run: () => Promise<void> | void }[] = [];
  let order = 0;
  let last = new Date(options.start).getTime();
  const faults = {
    /** The next `count` messages of a queue are delivered twice: `together` in one batch, or a minute apart. */
    duplicates: [] as { queue: QueueName; remaining: number; together: boolean }[],
    /** How many upcoming scheduler ticks run twice at the same time. */
    doubleScheduler: 0,
    /** The hourly channels timer does not run while `now` is in one of these [from, to) windows. */
    channelsDown: [] as { from: number; to: number }[],
  };
  const stats = {
    ticks: 0,
    handled: { sync: 0, deliver: 0, scheduler: 0, channels: 0 },
    failed: { sync: 0, deliver: 0, scheduler: 0, channels: 0 },
    duplicated: 0,
  };

  /** Moves what the handlers enqueued into the waiting list, visible after their delay. */
  const pump = () => {
    for (const sent of calendar.queued.messages.splice(0)) {
      waiting.push({
        queue: sent.queue,
        message: sent.message,
        visibleAt: now() + sent.delaySeconds * 1000,
        dequeueCount: 0,
      });
      const duplicate = faults.duplicates.find((d) => d.queue === sent.queue && d.remaining > 0);
      if (duplicate !== undefined) {
        duplicate.remaining -= 1;
        stats.duplicated += 1;
        waiting.push({
          queue: sent.queue,
          message: structuredClone(sent.message),
          visibleAt: now() + sent.delaySeconds * 1000 + (duplicate.together ? 0 : MINUTE),
          dequeueCount: 0,
        });
      }
    }
  };

  const take = (queue: QueueName): Waiting[] => {
    const visible: Waiting[] = [];
    for (let i = 0; i < waiting.length && visible.length < (options.concurrency ?? BATCH_SIZE); i++) {
      const item = waiting[i];
      if (item !== undefined && item.queue === queue && item.visibleAt <= now()) {
        visible.push(item);
        waiting.splice(i--, 1);
      }
    }
    return visible;
  };

  const run = async (item: Waiting): Promise<void> => {
    item.dequeueCount += 1;
    const name = item.queue === 'deliveries' ? 'deliver' : 'sync';
    stats.handled[name] += 1;
    try {
      if (item.queue === 'deliveries')
        await ledger.handle(item.message, async () => {
          await handlers.deliver(item.message, invocationContext('deliver', logs));
        });
      else await handlers.sync(item.message, invocationContext('calendarSync', logs));
    } catch (error) {
      stats.failed[name] += 1;
      logs.push(
        `${name}: try ${item.dequeueCount} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (item.dequeueCount >= MAX_DEQUEUE_COUNT) poisoned.push({ queue: item.queue, message: item.message });
      else waiting.push({ ...item, visibleAt: now() + MINUTE });
    }
  };

  /** Runs the queues until nothing visible is left (what failed waits for a later minute). */
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 10_000; round++) {
      await calendar.fake.flushNotifications();
      pump();
      const batch = [...take('calendar-sync')];
      if (batch.length === 0) batch.push(...take('deliveries'));
      if (batch.length === 0) return;
      await Promise.all(batch.map(run));
    }
    throw new Error('the queues never settled');
  };

  const tick = async (t: number): Promise<void> => {
    stats.ticks += 1;
    while (events[0] !== undefined && events[0].at <= t) {
      const event = events.shift();
      if (event === undefined) break;
      clock.set(new Date(Math.max(event.at, last)).toISOString());
      await event.run();
      await settle();
    }
    clock.set(new Date(t).toISOString());
    if (t % HOUR === 0 && !faults.channelsDown.some((w) => t >= w.from && t < w.to)) {
      await timer('channels', async () => {
        await handlers.channels(timerAt(new Date(t)), invocationContext('calendarChannels', logs));
      });
      await settle();
    }
    const runs = faults.doubleScheduler > 0 ? 2 : 1;
    if (runs === 2) faults.doubleScheduler -= 1;
    await Promise.all(
      Array.from({ length: runs }, () =>
        timer('scheduler', async () => {
          await handlers.scheduler(timerAt(new Date(t)), invocationContext('scheduler', logs));
        }),
      ),
    );
    await settle();
  };

  /** A timer run that throws is logged and over: the timer fires again on schedule. */
  const timer = async (name: 'scheduler' | 'channels', run: () => Promise<void>): Promise<void> => {
    stats.handled[name] += 1;
    try {
      await run();
    } catch (error) {
      stats.failed[name] += 1;
      logs.push(`${name}: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** The next minute in which something can happen, after `last`. */
  const nextTick = async (): Promise<number> => {
    const next = last + MINUTE;
    const candidates = [Math.ceil(next / HOUR) * HOUR];
    if (events[0] !== undefined) candidates.push(events[0].at);
    for (const item of waiting) candidates.push(item.visibleAt);
    candidates.push(...(await dueTimesAround(driverStore, last)));
    const earliest = Math.max(next, Math.min(...candidates));
    return Math.ceil(earliest / MINUTE) * MINUTE;
  };

  return {
    calendar,
    teams,
    store: calendar.store,
    fake: calendar.fake,
    bot: bots.bot,
    ledger,
    kill,
    faults,
    stats,
    logs,
    poisoned,
    waiting,
    now,
    /** Installs the app for everyone who has it, and lets the first syncs run. */
    async install(): Promise<void> {
      for (const person of options.people) if (person.teams) await teams.install(person.email);
      for (const c of teams.conversations()) conversations.set(c.id, c.email);
      await settle();
    },
    /** Something to do at `at` (a calendar change, a chat message, a fault), in the order given. */
    at(at: string | number, label: string, step: () => Promise<void> | void): void {
      const time = typeof at === 'number' ? at : new Date(at).getTime();
      events.push({ at: time, order: order++, label, run: step });
      events.sort((a, b) => a.at - b.at || a.order - b.order);
    },
    /** Runs every minute in which something can happen, up to and including `end`. */
    async runUntil(end: string | number): Promise<void> {
      const until = typeof end === 'number' ? end : new Date(end).getTime();
      for (let t = await nextTick(); t <= until; t = await nextTick()) {
        await tick(t);
        last = t;
      }
      for (const c of teams.conversations()) conversations.set(c.id, c.email);
    },
    /** What the queues and timers leave: nothing waiting, nothing poisoned. */
    idle: () => waiting.length === 0 && poisoned.length === 0,
    async stop(): Promise<void> {
      await bots.stop();
      await calendar.stop();
    },
  };
}

export type SteadySystem = Awaited<ReturnType<typeof startSystem>>;
