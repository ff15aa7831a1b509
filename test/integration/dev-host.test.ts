import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevHost, type DevHost } from '../../sandbox/dev-host/index.js';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { parseNcrontab } from '../../sandbox/dev-host/parse-ncrontab.js';
import type { Received } from '../fixtures/dev-host-entry.js';
import { startAzurite } from '../support/azurite.js';

const FIXTURE_ENTRY = fileURLToPath(new URL('../fixtures/dev-host-entry.ts', import.meta.url));
const REAL_ENTRY = fileURLToPath(new URL('../../functions/index.ts', import.meta.url));
const REAL_HOST_JSON = fileURLToPath(new URL('../../host.json', import.meta.url));
const QUEUE = 'dev-host-work';

/** The fixture's host.json: failed messages come back at once, and poison after 3 tries. */
const HOST_JSON = {
  version: '2.0',
  extensions: {
    http: { routePrefix: 'api' },
    queues: { maxDequeueCount: 3, visibilityTimeout: '00:00:00', batchSize: 4 },
  },
};

let azurite: Awaited<ReturnType<typeof startAzurite>> | undefined;
let dir: string;
let hostJsonPath: string;
let host: DevHost | undefined;
let received: Received;
const lines: string[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  dir = await mkdtemp(join(tmpdir(), 'steady-dev-host-'));
  hostJsonPath = join(dir, 'host.json');
  await writeFile(hostJsonPath, JSON.stringify(HOST_JSON));
  host = await startDevHost({
    entry: FIXTURE_ENTRY,
    hostJsonPath,
    port: 0,
    storageConnectionString: azurite.connectionString,
    timers: 'manual',
    queues: 'manual',
    log: (line) => lines.push(line),
  });
  // The same module instance the dev host imported (imported first by the dev host, under capture).
  ({ received } = await import('../fixtures/dev-host-entry.js'));
}, 30_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const queue = (name: string) => new QueueClient(azurite!.connectionString, name);
/** As the app's storage queue adapter (and the Functions host) encode a message. */
const send = (name: string, message: unknown) =>
  queue(name).sendMessage(Buffer.from(JSON.stringify(message), 'utf8').toString('base64'));
const count = async (name: string) => (await queue(name).getProperties()).approximateMessagesCount ?? NaN;

async function waitFor(condition: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('parseNcrontab', () => {
  const next = (expression: string, after: string) =>
    parseNcrontab(expression).next(new Date(after))?.toISOString();

  it('finds the next occurrence strictly after a time, seconds first, in UTC', () => {
    expect(next('0 * * * * *', '2030-01-01T00:00:30.500Z')).toBe('2030-01-01T00:01:00.000Z');
    expect(next('0 * * * * *', '2030-01-01T00:01:00.000Z')).toBe('2030-01-01T00:02:00.000Z');
    expect(next('0 0 * * * *', '2030-01-01T23:59:59Z')).toBe('2030-01-02T00:00:00.000Z');
    expect(next('*/15 * * * * *', '2030-01-01T00:00:16Z')).toBe('2030-01-01T00:00:30.000Z');
    expect(next('5/20 * * * * *', '2030-01-01T00:00:26Z')).toBe('2030-01-01T00:00:45.000Z');
    expect(next('0 30 9-17/4 * * *', '2030-01-01T09:30:00Z')).toBe('2030-01-01T13:30:00.000Z');
    expect(next('0 0 12 * Feb,Mar Mon', '2030-01-01T00:00:00Z')).toBe('2030-02-04T12:00:00.000Z');
    expect(next('0 0 0 1,15 * *', '2030-01-02T00:00:00Z')).toBe('2030-01-15T00:00:00.000Z');
  });

  it('requires both the day and the day of week to match, as NCrontab does', () => {
    // 13th that is a Friday: 2030-09-13.
    expect(next('0 0 0 13 * 5', '2030-01-01T00:00:00Z')).toBe('2030-09-13T00:00:00.000Z');
    expect(next('0 0 0 31 2 *', '2030-01-01T00:00:00Z')).toBeUndefined();
  });

  it('rejects malformed expressions, naming the field', () => {
    expect(() => parseNcrontab('* * * * *')).toThrow(/6 fields/);
    expect(() => parseNcrontab('60 * * * * *')).toThrow(/second field/);
    expect(() => parseNcrontab('0 * * * * 7')).toThrow(/day of week field/);
    expect(() => parseNcrontab('*/0 * * * * *')).toThrow(/step/);
    expect(() => parseNcrontab('0 * 5-2 * * *')).toThrow(/backwards/);
    expect(() => parseNcrontab('0 * * * Foo *')).toThrow(/month field/);
  });

  it('refuses what croner reads but NCrontab does not, naming the field', () => {
    expect(() => parseNcrontab('0 0 0 L * *')).toThrow(/day field 'L' uses a form NCrontab lacks/);
    expect(() => parseNcrontab('0 0 0 15W * *')).toThrow(/day field/);
    expect(() => parseNcrontab('0 0 0 * * 1#2')).toThrow(/day of week field/);
    expect(() => parseNcrontab('0 0 0 ? * *')).toThrow(/day field/);
    expect(() => parseNcrontab('0 0 0 * * 5-7')).toThrow(/day of week field '5-7' has 7/);
    expect(parseNcrontab('0 0 12 * * Wed').next(new Date('2030-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2030-01-02T12:00:00.000Z',
    );
  });
});

describe('the dev host on a fixture entry', () => {
  it('captures every registered function with its trigger binding', () => {
    expect(host!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host!.functions).toEqual([
      { name: 'echo', trigger: 'http', route: 'echo/{id}' },
      { name: 'broken', trigger: 'http', route: 'broken' },
      { name: 'tick', trigger: 'timer', schedule: '0 * * * * *' },
      { name: 'work', trigger: 'queue', queueName: QUEUE },
    ]);
  });

  it('serves an http trigger through the library: params, query, headers, body, status, headers and cookies back', async () => {
    const response = await fetch(`${host!.url}/api/echo/42?q=hello`, {
      method: 'POST',
      headers: { 'x-test': 'abc', 'content-type': 'text/plain' },
      body: 'the body',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('set-cookie')).toBe('seen=1; Path=/; HttpOnly');
    expect(await response.json()).toEqual({
      id: '42',
      method: 'POST',
      url: `${host!.url}/api/echo/42?q=hello`,
      q: 'hello',
      header: 'abc',
      body: 'the body',
    });
    expect(lines).toContain('echo: handled 42');
    expect(received.hooks).toContain('echo');
  });

  it('matches routes as the host does, and answers 404 for other paths and methods', async () => {
    const get = await fetch(`${host!.url}/API/Echo/a%20b/`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as { id: string }).id).toBe('a b');

    expect((await fetch(`${host!.url}/api/echo/1`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${host!.url}/echo/1`)).status).toBe(404);
    expect((await fetch(`${host!.url}/api/echo`)).status).toBe(404);
    expect((await fetch(`${host!.url}/api/nothing`)).status).toBe(404);
  });

  it('answers 500 when the function throws, and logs the failure', async () => {
    const response = await fetch(`${host!.url}/api/broken`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    expect(lines.some((l) => /Executed 'Functions\.broken' \(Failed/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('broken on purpose'))).toBe(true);
  });

  it('runs a timer on request with the host-shaped timer object', async () => {
    const before = received.timers.length;
    await host!.runTimer('tick');
    expect(received.timers).toHaveLength(before + 1);
    const { timer, functionName } = received.timers.at(-1)!;
    expect(functionName).toBe('tick');
    expect(timer.isPastDue).toBe(false);
    expect(timer.schedule).toEqual({ adjustForDST: true });
    expect(new Date(timer.scheduleStatus.next).getUTCSeconds()).toBe(0);
    await expect(host!.runTimer('nope')).rejects.toThrow(/no timer function 'nope'/);
  });

  it('hands a queue message to its function decoded and parsed, with the trigger metadata, then deletes it', async () => {
    const sent = await send(QUEUE, { hello: 'wörld', n: 1 });
    const plain = await queue(QUEUE).sendMessage(Buffer.from('just text').toString('base64'));
    const before = received.queue.length;

    expect(await host!.drainQueues()).toBe(2);

    const got = received.queue.slice(before);
    const byId = (id: string) => got.find((g) => g.metadata?.['id'] === id);
    expect(byId(sent.messageId)?.message).toEqual({ hello: 'wörld', n: 1 });
    expect(byId(plain.messageId)?.message).toBe('just text');
    const metadata = byId(sent.messageId)?.metadata ?? {};
    expect(metadata['dequeueCount']).toBe(1);
    expect(metadata['queueTrigger']).toEqual({ hello: 'wörld', n: 1 });
    expect(metadata['insertionTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(typeof metadata['popReceipt']).toBe('string');
    expect(await count(QUEUE)).toBe(0);
    expect(await host!.drainQueues()).toBe(0);
  });

  it('retries a failed message, and after maxDequeueCount tries moves it to the poison queue', async () => {
    const flaky = await send(QUEUE, { failUntil: 1 });
    const doomed = await send(QUEUE, { fail: true });
    const before = received.queue.length;

    await host!.drainQueues();

    const tries = (id: string) =>
      received.queue
        .slice(before)
        .filter((g) => g.metadata?.['id'] === id)
        .map((g) => g.metadata?.['dequeueCount']);
    expect(tries(flaky.messageId)).toEqual([1, 2]);
    expect(tries(doomed.messageId)).toEqual([1, 2, 3]);
    expect(await count(QUEUE)).toBe(0);

    const { receivedMessageItems } = await queue(`${QUEUE}-poison`).receiveMessages({ numberOfMessages: 32 });
    expect(receivedMessageItems.map((m) => Buffer.from(m.messageText, 'base64').toString('utf8'))).toEqual([
      JSON.stringify({ fail: true }),
    ]);
    expect(lines.some((l) => l.includes(`moving it to queue '${QUEUE}-poison'`))).toBe(true);
  });
});

describe('the dev host on its own: timer schedules by the given clock, queue polling', () => {
  let clock = new Date('2030-01-01T00:00:30Z');
  let live: DevHost | undefined;

  beforeAll(async () => {
    live = await startDevHost({
      entry: FIXTURE_ENTRY,
      hostJsonPath,
      port: 0,
      storageConnectionString: azurite!.connectionString,
      now: () => clock,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await live?.stop();
  });

  it('fires a timer when the clock reaches its next occurrence, and marks a late run past due', async () => {
    const before = received.timers.length;
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(received.timers).toHaveLength(before); // 00:00:30: not due until 00:01:00

    clock = new Date('2030-01-01T00:01:00Z');
    await waitFor(() => received.timers.length === before + 1, 3_000);
    expect(received.timers.at(-1)!.timer.isPastDue).toBe(false);
    expect(received.timers.at(-1)!.timer.scheduleStatus.next).toBe('2030-01-01T00:02:00.000Z');

    clock = new Date('2030-01-01T00:05:30Z'); // 00:02, 00:03, 00:04 and 00:05 missed: one run
    await waitFor(() => received.timers.length === before + 2, 3_000);
    expect(received.timers.at(-1)!.timer.isPastDue).toBe(true);
    expect(received.timers.at(-1)!.timer.scheduleStatus.next).toBe('2030-01-01T00:06:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(received.timers).toHaveLength(before + 2);
  });

  it('polls the queues without being asked', async () => {
    const sent = await send(QUEUE, { polled: true });
    await waitFor(() => received.queue.some((g) => g.metadata?.['id'] === sent.messageId));
    await waitFor(() => received.queue.filter((g) => g.metadata?.['id'] === sent.messageId).length === 1);
  });
});

describe('the dev host on the real functions entry', () => {
  const saved: Record<string, string | undefined> = {};
  let real: DevHost | undefined;
  let dataDir: string | undefined;
  const realLines: string[] = [];
  // Google, as far as this entry knows: it refuses every request, naming the calendar, as Google does
  const google = createServer((req, res) => {
    req.resume();
    const message = 'Bad request for calendar maria@contoso.com';
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 400, message, errors: [{ reason: 'badRequest', message }] } }));
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'steady-dev-host-data-'));
    await new Promise<void>((resolve) => google.listen(0, '127.0.0.1', resolve));
    const env = {
      STEADY_MODE: 'local',
      STEADY_STORE: 'sqlite',
      STEADY_DATA_DIR: dataDir,
      AzureWebJobsStorage: azurite!.connectionString,
      GOOGLE_ROOT_URL: `http://127.0.0.1:${(google.address() as AddressInfo).port}/`,
    };
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    real = await startDevHost({
      entry: REAL_ENTRY,
      hostJsonPath: REAL_HOST_JSON,
      port: 0,
      storageConnectionString: azurite!.connectionString,
      timers: 'manual',
      queues: 'manual',
      log: (line) => realLines.push(line),
    });
  }, 30_000);

  afterAll(async () => {
    await real?.stop();
    await new Promise<void>((resolve) => google.close(() => resolve()));
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('registers every function of functions/index.ts', () => {
    expect(Object.fromEntries(real!.functions.map((f) => [f.name, f]))).toEqual({
      health: { name: 'health', trigger: 'http', route: 'health' },
      messages: { name: 'messages', trigger: 'http', route: 'messages' },
      calendarWebhook: { name: 'calendarWebhook', trigger: 'http', route: 'calendar/webhook' },
      scheduler: { name: 'scheduler', trigger: 'timer', schedule: '0 * * * * *' },
      calendarChannels: { name: 'calendarChannels', trigger: 'timer', schedule: '0 0 * * * *' },
      calendarSync: { name: 'calendarSync', trigger: 'queue', queueName: 'calendar-sync' },
      deliver: { name: 'deliver', trigger: 'queue', queueName: 'deliveries' },
      deliveriesPoison: { name: 'deliveriesPoison', trigger: 'queue', queueName: 'deliveries-poison' },
    });
  });

  it('answers GET /api/health from the local SQLite store', async () => {
    const response = await fetch(`${real!.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: 'sqlite' });
    expect((await fetch(`${real!.url}/api/health`, { method: 'POST' })).status).toBe(404);
  });

  it('runs each function inside its invocation (the preInvocation hook): its log lines carry its id', async () => {
    await real!.runTimer('calendarChannels');
    const executing = realLines.find((line) => line.startsWith("Executing 'Functions.calendarChannels'"));
    const id = /Id=([0-9a-f-]{36})\)/.exec(executing ?? '')?.[1];
    expect(id).toBeDefined();
    const logged = realLines.find((line) => line.includes('"event":"calendar.channels"'));
    expect(JSON.parse(logged!.slice(logged!.indexOf('{')))).toMatchObject({
      invocationId: id,
      function: 'calendarChannels',
    });
  });

  it('scrubs what a function throws before the host sees it (the postInvocation hook)', async () => {
    const store = openSqliteStore(join(dataDir!, 'steady.db'));
    const now = new Date().toISOString();
    const calendarId = 'maria@contoso.com';
    await store.calendars.create({
      type: 'calendar',
      id: calendarId,
      calendarId,
      ownerUserIds: ['user-maria'],
      tracked: {},
      createdAt: now,
      updatedAt: now,
    });
    await store.close();
    await send('calendar-sync', { calendarId, reason: 'safety', notifiedAt: now });
    await real!.drainQueues({ maxRounds: 1 });
    const failed = realLines.filter((line) => line.startsWith('calendarSync [error]:'));
    expect(failed.length).toBeGreaterThan(0);
    for (const line of failed) {
      expect(line).toContain('Bad request for calendar person:');
      expect(line).not.toContain('maria@contoso.com');
    }
  });
});
