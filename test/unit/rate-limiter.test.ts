import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../shared/adapters/teams/rate-limiter.js';

/** A limiter on a clock that only sleeping moves. */
function limiter() {
  const clock = { t: 0 };
  const sleep = async (ms: number) => void (clock.t += ms);
  return { clock, limiter: new RateLimiter(() => clock.t, sleep) };
}
const tenant = [{ key: 'tenant:t', windows: [{ limit: 2, ms: 1_000 }] }];

describe('the Teams rate limiter', () => {
  it('lets the limit through at once, then counts each window from when the call was done', async () => {
    const { clock, limiter: l } = limiter();
    const first = await l.take(tenant);
    const second = await l.take(tenant);
    expect(clock.t).toBe(0);
    clock.t = 300;
    first(); // answered at 300 ms
    clock.t = 500;
    second(); // answered at 500 ms
    (await l.take(tenant))();
    expect(clock.t).toBe(1_300); // a window after the first answer, not after the first send
    (await l.take(tenant))();
    expect(clock.t).toBe(1_500);
  });

  it('waits while the window is full of calls in flight, however long they take', async () => {
    const { clock, limiter: l } = limiter();
    const first = await l.take(tenant);
    await l.take(tenant); // still in flight at the end
    let third = false;
    const waiting = l.take(tenant).then((done) => {
      third = true;
      return done;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBe(false);
    clock.t = 5_000;
    first(); // answered after 5 s: its place is held for a window from now
    (await waiting)();
    expect(clock.t).toBe(6_000);
  });

  it('holds a call in every window it belongs to, and keys apart', async () => {
    const { clock, limiter: l } = limiter();
    const chat = (id: string) => [
      ...tenant,
      { key: `conversation:${id}`, windows: [{ limit: 1, ms: 1_000 }] },
    ];
    (await l.take(chat('a')))();
    (await l.take(chat('b')))();
    expect(clock.t).toBe(0);
    (await l.take([{ key: 'tenant:other', windows: [{ limit: 2, ms: 1_000 }] }]))();
    expect(clock.t).toBe(0);
    (await l.take(chat('c')))(); // the tenant's window is full: a chat of its own does not help
    expect(clock.t).toBe(1_000);
  });
});
