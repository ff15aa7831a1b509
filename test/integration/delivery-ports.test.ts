import { afterEach, expect, it } from 'vitest';
import { DeliveryRequest } from '../../shared/domain/index.js';
import type { Messenger } from '../../shared/ports.js';
import type { CardRenderer } from '../../shared/services/delivery/card-renderer.js';
import { deliver } from '../../shared/services/delivery/deliver.js';
import { runScheduler } from '../../shared/services/delivery/run-scheduler.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h.stop());

/** Each call to the object's methods, by name, passed on to it. */
function counted<T extends object>(target: T, calls: string[]): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

it('reaches Teams through its two ports only: one render and one send per card, none on a repeat', async () => {
  h = await botHarness();
  await h.install(MARIA, DEV);
  h.calendar.time.set('2026-03-02T08:00:30Z');
  await runScheduler({ store: h.store, queue: h.calendar.queued.queue, clock: h.calendar.time.clock });
  const requests = h.calendar.queued.take('deliveries').map((m) => DeliveryRequest.parse(m));
  expect(requests.map((r) => r.kind)).toEqual(['agenda', 'agenda']);

  const renders: string[] = [];
  const sends: string[] = [];
  const deps = {
    ...h.bot.deps,
    cards: counted<CardRenderer>(h.bot.deps.cards, renders),
    messenger: counted<Messenger>(h.bot.deps.messenger, sends),
  };
  for (const request of requests) expect(await deliver(deps, request)).toBe('SENT');
  // the month's first 1:1: the report's agenda brings the deep dive, the manager's the trust digest
  expect([...renders].sort()).toEqual(['agenda', 'agenda', 'deepDive', 'trustDigest']);
  // the address check may ask Teams who a member is; each card goes out once
  expect(sends.filter((name) => name !== 'member')).toEqual(['send', 'send', 'send', 'send']);

  renders.length = 0;
  sends.length = 0;
  for (const request of requests) expect(await deliver(deps, request)).toBe('ALREADY_SENT');
  expect(renders).toEqual([]);
  expect(sends.filter((name) => name !== 'member')).toEqual([]);
});
