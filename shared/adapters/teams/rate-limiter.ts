/**
 * Sliding-window limits, in process: a call waits until every window it belongs to has room.
 * Teams allows per conversation 7 messages a second and 60 in 30 seconds, and per app per tenant
 * about 30 requests a second; keeping under them avoids most 429s instead of paying for them.
 *
 * A call holds its place in its windows from the moment it is let through until it is done (the
 * caller calls the function `take` returns), and from then on for the window's length. Teams counts
 * the request somewhere in between, so however late the request reaches it (a busy event loop, a slow
 * network), it never counts more than the limit in a window. Counting from the start instead let a
 * late request land in the next window with the early ones of that window: a 429 then costs the call
 * a Retry-After of a second or more, where holding the place costs only the request's latency.
 */
export interface Window {
  readonly limit: number;
  readonly ms: number;
}

/** When a call left its windows; `Infinity` while it is in flight. */
interface Place {
  at: number;
}

export class RateLimiter {
  private readonly seen = new Map<string, Place[]>();
  private released: (() => void)[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * Waits for room in each of the keyed windows, then takes a place in all of them. Returns `done`,
   * to call once the request is answered (or failed): the place is counted until then.
   */
  async take(keys: readonly { key: string; windows: readonly Window[] }[]): Promise<() => void> {
    for (;;) {
      const now = this.now();
      const waits = keys.flatMap(({ key, windows }) => windows.map((w) => this.waitFor(key, w, now)));
      if (waits.includes('inFlight')) {
        // the window is full of calls still in flight: room comes when one of them is done
        await new Promise<void>((resolve) => this.released.push(resolve));
        continue;
      }
      const wait = Math.max(0, ...(waits as number[]));
      if (wait === 0) break;
      await this.sleep(wait);
    }
    const now = this.now();
    const place: Place = { at: Number.POSITIVE_INFINITY };
    for (const { key, windows } of keys) {
      const longest = Math.max(0, ...windows.map((w) => w.ms));
      const places = (this.seen.get(key) ?? []).filter((p) => p.at > now - longest);
      places.push(place);
      this.seen.set(key, places);
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      place.at = this.now();
      const waiting = this.released;
      this.released = [];
      for (const resolve of waiting) resolve();
    };
  }

  /** 0 when the window has room; else the milliseconds until it has, or `inFlight` when that is not known yet. */
  private waitFor(key: string, window: Window, now: number): number | 'inFlight' {
    const from = now - window.ms;
    const inside = (this.seen.get(key) ?? []).filter((p) => p.at > from).map((p) => p.at);
    if (inside.length < window.limit) return 0;
    inside.sort((a, b) => a - b);
    const leaves = inside[inside.length - window.limit] ?? from;
    return leaves === Number.POSITIVE_INFINITY ? 'inFlight' : Math.max(1, leaves - from);
  }
}

/** The windows a bot stays under, per conversation and per app per tenant. */
export interface TeamsLimits {
  readonly conversation: readonly Window[];
  readonly tenant: readonly Window[];
}

export const TEAMS_LIMITS = {
  conversation: [
    { limit: 7, ms: 1_000 },
    { limit: 60, ms: 30_000 },
  ],
  tenant: [{ limit: 30, ms: 1_000 }],
} as const satisfies TeamsLimits;
