import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import functions from '@azure/functions';
import { calendarSync } from '../../functions/calendar-sync.js';
import { calendarWebhook } from '../../functions/calendar-webhook.js';
import { cryptoIds } from '../../shared/adapters/crypto-ids.js';
import { cachedDirectory } from '../../shared/adapters/directory/cached-directory.js';
import { presetTokenAuth } from '../../shared/adapters/google/google-auth.js';
import { createGoogleCalendar } from '../../shared/adapters/google/google-calendar.js';
import { createGoogleDirectory } from '../../shared/adapters/google/google-directory.js';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { loadConfig } from '../../shared/config.js';
import type { AddressRules } from '../../shared/domain/index.js';
import type { Clock, Directory, IdGen, Store } from '../../shared/ports.js';
import { createRoot, type RootOverrides } from '../../app/root.js';
import type { CalendarDeps } from '../../shared/services/calendar/deps.js';
import {
  startFakeGoogleCalendar,
  type FakeDirectoryUser,
  type FakeGoogleCalendarOptions,
} from '../fake-google/index.js';
import { directoryOf } from './directory-of.js';
import { invocationContext } from './invoke.js';
import { memoryQueue } from './memory-queue.js';
import { hooked } from '../../functions/hooks.js';

/** A settable clock: tests move time, nothing sleeps. */
export function testClock(start: string) {
  let now = new Date(start).getTime();
  const clock: Clock = { now: () => new Date(now) };
  return {
    clock,
    set: (iso: string) => void (now = new Date(iso).getTime()),
    advance: (minutes: number) => void (now += minutes * 60_000),
  };
}

/**
 * The calendar side of Steady wired as in Azure, with fakes where Azure has services: the real
 * Google adapters (Calendar, and Directory behind its cache) against the fake Google, SQLite
 * `:memory:`, an in-memory queue, a webhook served over HTTP by the real function handler, and a
 * clock the test moves.
 */
export async function calendarHarness(options: {
  start: string;
  /** person → manager: the fake Google directory holds both (as `users.get` answers). */
  managers?: Record<string, string>;
  /** More of the fake directory: aliases, dotted-line managers, people with no manager. */
  directory?: readonly FakeDirectoryUser[];
  /** A directory port instead of the fake Google one (a test that changes the answers midway). */
  directoryOverride?: Directory;
  /** `DOMAIN_MAP` for the calendar side (invitations naming a Teams address); the bot gets its own. */
  addressRules?: AddressRules;
  fake?: FakeGoogleCalendarOptions;
  settings?: Partial<CalendarDeps['settings']>;
  /** The store to run on; SQLite `:memory:` by default (the fault tests run the same wiring on Cosmos). */
  store?: Store;
  /** Ids and digests; the local mode's key by default (a test of a key rotation brings its own). */
  ids?: IdGen;
}) {
  const time = testClock(options.start);
  const fake = await startFakeGoogleCalendar({
    now: () => time.clock.now(),
    directory: directoryOf(options.managers ?? {}, options.directory ?? []),
    ...options.fake,
  });
  const store = options.store ?? openSqliteStore(':memory:');
  const queued = memoryQueue();
  const logs: string[] = [];
  const server: Server = createServer((req, res) => {
    const headers = Object.entries(req.headers).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v] as [string, string]] : [],
    );
    const request = new functions.HttpRequest({
      method: 'POST',
      url: `http://127.0.0.1${req.url ?? '/'}`,
      headers: Object.fromEntries(headers),
    });
    req.resume();
    void Promise.resolve(webhook(request, context())).then(
      (response) => res.writeHead(response.status ?? 200).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/calendar/webhook`;
  // wired by the composition root, as in Azure, with the fakes in place of Google and Azure
  const parts: RootOverrides = {
    clock: time.clock,
    store,
    queue: queued.queue,
    ids: options.ids ?? cryptoIds,
    directory:
      options.directoryOverride ??
      cachedDirectory(
        createGoogleDirectory({
          rootUrl: `${fake.url}/`,
          authFor: presetTokenAuth('test-token'),
          subject: '',
          retry: { attempts: 2, baseMs: 1, maxMs: 2 },
        }),
        time.clock,
      ),
    calendar: createGoogleCalendar({
      rootUrl: `${fake.url}/`,
      authFor: presetTokenAuth('test-token'),
      retry: { attempts: 6, baseMs: 1, maxMs: 4 },
    }),
    calendarAddressRules: options.addressRules ?? { domainMap: {} },
    calendarSettings: { agendaLeadMinutes: 1440, summaryDelayMinutes: 15, webhookUrl, ...options.settings },
  };
  const root = createRoot(loadConfig({ STEADY_MODE: 'local' }), parts);
  const deps = await root.calendarDeps();
  const context = () => invocationContext('calendar', logs);
  const webhook = hooked(calendarWebhook(() => root));
  const sync = hooked(calendarSync(() => root));

  return {
    fake,
    store,
    deps,
    /** The root the calendar's function handlers get (the bot system builds its own, with the bot). */
    root,
    /** What the root was given: the bot system's root is built from the same parts. */
    parts,
    time,
    queued,
    logs,
    /** Runs every waiting calendar-sync message through the queue-triggered function, until none is left. */
    async drainSyncs(): Promise<number> {
      let handled = 0;
      for (let round = 0; round < 20; round++) {
        await fake.flushNotifications();
        const batch = queued.take('calendar-sync');
        if (batch.length === 0) return handled;
        for (const message of batch) await sync(message, context());
        handled += batch.length;
      }
      throw new Error('calendar-sync kept producing messages');
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await fake.stop();
    },
  };
}
