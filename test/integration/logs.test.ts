import { createHash, createHmac, randomUUID } from 'node:crypto';
import functions from '@azure/functions';
import { afterEach, expect, it } from 'vitest';
import { calendarSync } from '../../functions/calendar-sync.js';
import { calendarChannels } from '../../functions/calendar-channels.js';
import { deliverFunction, deliveriesPoison } from '../../functions/deliver.js';
import { scheduler } from '../../functions/scheduler.js';
import { timerAt } from '../../sandbox/local/invoke.js';
import { LOCAL_DIGEST_KEY } from '../../shared/config.js';
import type { Root } from '../../app/root.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';
import { hooked } from '../../functions/hooks.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

/** What people wrote, and who they are: none of it may appear in any log line. */
const PERSONAL = ['Salary worries', 'Thinking of leaving', 'maria@contoso.com', 'dev@contoso.com'];

/** A Functions invocation context that keeps each line as the host would receive it. */
function capture(functionName: string, lines: { invocationId: string; text: string }[]) {
  const invocationId = randomUUID();
  const context = new functions.InvocationContext({ functionName, invocationId });
  const keep = (...args: unknown[]) => void lines.push({ invocationId, text: args.map(String).join(' ') });
  context.log = keep;
  context.warn = keep;
  context.error = keep;
  return context;
}

it('logs one JSON object a line through the invocation, with its id, and nothing anyone wrote or their address', async () => {
  h = await botHarness();
  await h.install(MARIA, DEV);
  await h.teams.say(DEV, 'add Salary worries');
  await h.teams.say(DEV, 'private Thinking of leaving');
  await h.teams.say(MARIA, 'note Salary worries discussed');
  const root: Root = h.root;
  const lines: { invocationId: string; text: string }[] = [];

  h.calendar.time.set('2026-03-02T08:00:30Z'); // the agendas are due
  await hooked(scheduler(() => root))(timerAt(h.calendar.time.clock.now()), capture('scheduler', lines));
  const deliveries = h.calendar.queued.take('deliveries');
  expect(deliveries).toHaveLength(2);
  for (const message of deliveries)
    await hooked(deliverFunction(() => root))(message, capture('deliver', lines));
  await hooked(deliverFunction(() => root))({ kind: 'agenda', pairId: 7 }, capture('deliver', lines)); // malformed
  await hooked(deliveriesPoison)(deliveries[0], capture('deliveriesPoison', lines));
  h.calendar.time.set('2026-03-02T09:00:00Z');
  await hooked(calendarChannels(() => root))(
    timerAt(h.calendar.time.clock.now()),
    capture('calendarChannels', lines),
  );
  // the webhook and the sync run through the harness's own contexts (sandbox/local/invoke.ts)
  h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-10T08:00:00Z');
  await h.calendar.drainSyncs();
  const harnessLines = h.calendar.logs.map((line) => ({
    invocationId: 'harness',
    text: line.replace(/^\w+: /, ''),
  }));

  const all = [...lines, ...harnessLines];
  expect(all.length).toBeGreaterThanOrEqual(8);
  const events = new Set<string>();
  for (const { invocationId, text } of all) {
    const line = JSON.parse(text) as Record<string, unknown>; // every line is one JSON object
    expect(typeof line['level']).toBe('string');
    expect(typeof line['event']).toBe('string');
    expect(line['invocationId']).toMatch(/^[0-9a-f-]{36}$/);
    if (invocationId !== 'harness') expect(line['invocationId']).toBe(invocationId);
    events.add(String(line['event']));
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
  }
  expect([...events].sort()).toEqual(
    expect.arrayContaining([
      'calendar.channels',
      'calendar.sync',
      'calendar.webhook',
      'deliver',
      'deliver.gave_up',
      'deliver.malformed',
      'scheduler',
    ]),
  );
  // an address becomes the same short digest everywhere, so one person's lines still correlate; the
  // digest is keyed (the configuration's key): a plain SHA-256 of the staff list would tell who it is
  const keyed = `person:${createHmac('sha256', LOCAL_DIGEST_KEY).update(MARIA).digest('hex').slice(0, 8)}`;
  const plain = `person:${createHash('sha256').update(MARIA).digest('hex').slice(0, 8)}`;
  expect(all.some(({ text }) => text.includes(keyed))).toBe(true);
  expect(all.some(({ text }) => text.includes(plain))).toBe(false);
});

/** Everything the host records of a thrown error: its message, stack and every own property. */
function recorded(thrown: unknown): string {
  if (!(thrown instanceof Error)) return String(thrown);
  const props = Object.fromEntries(
    Object.getOwnPropertyNames(thrown).map((key) => [
      key,
      (thrown as unknown as Record<string, unknown>)[key],
    ]),
  );
  return `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}\n${JSON.stringify(props, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
}

it('records no address in what a failing function throws or logs (a 404 calendar, Google failing past the retries)', async () => {
  h = await botHarness();
  await h.install(MARIA, DEV);
  const root: Root = h.root;
  const lines: { invocationId: string; text: string }[] = [];
  const thrown: string[] = [];
  const sync = async (fault: 404 | 500) => {
    h.calendar.fake.failNext(fault === 404 ? 1 : 50, fault, { path: /maria@contoso\.com\/events$/ });
    const message = {
      calendarId: MARIA,
      reason: 'safety',
      notifiedAt: h.calendar.time.clock.now().toISOString(),
    };
    try {
      await hooked(calendarSync(() => root))(message, capture('calendarSync', lines));
      thrown.push('nothing thrown');
    } catch (error) {
      thrown.push(recorded(error));
    }
    h.calendar.time.advance(30); // past the lease the failed run left
  };
  await sync(404);
  await sync(500);
  expect(thrown).toHaveLength(2);
  expect(thrown[0]).toMatch(/^Error: calendar sync: the calendar is not reachable \(404\)/);
  for (const text of [...thrown, ...lines.map((l) => l.text)])
    for (const personal of [MARIA, 'maria%40contoso.com', DEV, 'dev%40contoso.com'])
      expect(text).not.toContain(personal);
});
