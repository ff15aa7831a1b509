/**
 * Sliding-window limits, in process: a call waits until every window it belongs to has room.
 * Teams allows per conversation 7 messages a second and 60 in 30 seconds, and per app per tenant
 * about 30 requests a second; keeping under them avoids most 429s instead of paying for them.
 */
export interface Window {
  readonly limit: number;
  readonly ms: number;
}

export class RateLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits for room in each of the keyed windows, then records the call in all of them. */
  async take(keys: readonly { key: string; windows: readonly Window[] }[]): Promise<void> {
    for (;;) {
      const wait = Math.max(
        0,
        ...keys.flatMap(({ key, windows }) => windows.map((w) => this.waitFor(key, w))),
      );
      if (wait === 0) break;
      await this.sleep(wait);
    }
    const at = this.now();
    for (const { key } of keys) {
      const times = this.seen.get(key) ?? [];
      times.push(at);
      if (times.length > 2000) times.splice(0, times.length - 2000);
      this.seen.set(key, times);
    }
  }

  private waitFor(key: string, window: Window): number {
    const times = this.seen.get(key) ?? [];
    const from = this.now() - window.ms;
    const inside = times.filter((t) => t > from);
    if (inside.length < window.limit) return 0;
    const oldest = inside[inside.length - window.limit] ?? from;
    return Math.max(1, oldest - from);
  }
}

export const TEAMS_LIMITS = {
  conversation: [
    { limit: 7, ms: 1_000 },
    { limit: 60, ms: 30_000 },
  ],
  tenant: [{ limit: 30, ms: 1_000 }],
} as const satisfies Record<string, readonly Window[]>;
