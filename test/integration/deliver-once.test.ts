import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { deliveryIdOf, ok } from '../../shared/domain/index.js';
import type { Messenger } from '../../shared/ports.js';
import { deliverOnce } from '../../shared/services/delivery/deliver-once.js';
import { pair, pairId, user } from '../fixtures/docs.js';
import { StoreFaults } from '../support/reliability/store-faults.js';

/** The Messenger port, recording what is sent (the Teams adapter has its own tests against the fake Teams). */
function recordingMessenger() {
  const sent: unknown[] = [];
  const messenger: Messenger = {
    send: async (_to, message) => {
      sent.push(message);
      return ok({ activityId: `activity-${sent.length}` });
    },
    update: async () => ok(undefined),
    createConversation: async () => ok({ conversationId: 'a:conv' }),
    member: async () => undefined,
  };
  return { messenger, sent };
}

describe('deliverOnce: the `sent` record after a throttled write', () => {
  const setUp = (throttled: number) => {
    const faults = new StoreFaults();
    const store = faults.wrap(openSqliteStore(':memory:'));
    const waits: number[] = [];
    const clock = {
      now: () => new Date('2026-03-02T08:00:00Z'),
      wait: async (ms: number) => void waits.push(ms),
    };
    faults.throttle(
      throttled,
      (c) => c.op === 'replace' && c.doc?.type === 'delivery' && c.doc['state'] === 'sent',
    );
    const { messenger, sent } = recordingMessenger();
    const message = {
      kind: 'agenda' as const,
      pair: pair(1),
      occurrenceId: 'occ-1',
      recipient: user(1),
      card: async () => ({ type: 'AdaptiveCard' }),
    };
    const record = async () =>
      (await store.pairs.get(pairId(1), deliveryIdOf('agenda', 'occ-1', user(1).userId)))?.doc;
    return { deps: { store, clock, messenger }, message, sent, waits, record };
  };

  it('is written again after the wait the store asked for, on the injected clock: sent once, recorded sent', async () => {
    const { deps, message, sent, waits, record } = setUp(2);
    expect(await deliverOnce(deps, message)).toBe('SENT');
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([1000, 1000]);
    expect(await record()).toMatchObject({ state: 'sent', activityId: 'activity-1' });
    // a retry of the same message finds it sent
    expect(await deliverOnce(deps, message)).toBe('ALREADY_SENT');
    expect(sent).toHaveLength(1);
  });

  it('still throttled after 4 tries, throws (the queue retries), with the claim left to go stale', async () => {
    const { deps, message, sent, waits, record } = setUp(4);
    await expect(deliverOnce(deps, message)).rejects.toThrow(/stayed throttled/);
    expect(sent).toHaveLength(1);
    expect(waits).toHaveLength(3);
    expect(await record()).toMatchObject({ state: 'sending' });
  });
});
