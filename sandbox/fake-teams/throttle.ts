import type { FakeRateLimits } from './fake-teams.js';

export interface Window {
  readonly limit: number;
  readonly ms: number;
}

export interface ThrottleRules {
  readonly conversation: readonly Window[];
  readonly tenant: readonly Window[];
}

/** Teams' limits as asked for: 7/1 s and 60/30 s per conversation, 30/1 s per tenant by default. */
export function throttleRules(limits: FakeRateLimits | false | undefined): ThrottleRules {
  if (limits === false) return { conversation: [], tenant: [] };
  const window = (name: keyof FakeRateLimits, fallback: number | undefined, ms: number): Window[] => {
    const limit = limits?.[name] ?? fallback;
    if (limit === undefined) return [];
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`rateLimits.${name} must be a positive integer, got ${limit}`);
    return [{ limit, ms }];
  };
  return {
    conversation: [
      ...window('perConversationPerSecond', 7, 1_000),
      ...window('perConversationPer2s', undefined, 2_000),
      ...window('perConversationPer30s', 60, 30_000),
      ...window('perConversationPerHour', undefined, 3_600_000),
    ],
    tenant: window('perTenantPerSecond', 30, 1_000),
  };
}

/**
 * Sliding windows on an injected clock. A request is let through only if every window it falls in
 * has room, and then counts in all of them; a refused request counts in none, as a 429 costs nothing.
 */
export class Throttle {
  private readonly seen = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Undefined when allowed (and recorded); else the whole seconds to wait, for `Retry-After`. */
  take(keys: readonly { key: string; windows: readonly Window[] }[]): number | undefined {
    const at = this.now();
    let waitMs = 0;
    for (const { key, windows } of keys) {
      const times = this.seen.get(key) ?? [];
      for (const { limit, ms } of windows) {
        const inside = times.filter((t) => t > at - ms);
        const blocking = inside[inside.length - limit];
        if (blocking !== undefined) waitMs = Math.max(waitMs, blocking + ms - at);
      }
    }
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const { key, windows } of keys) {
      if (windows.length === 0) continue;
      const longest = Math.max(...windows.map((w) => w.ms));
      const times = (this.seen.get(key) ?? []).filter((t) => t > at - longest);
      times.push(at);
      this.seen.set(key, times);
    }
    return undefined;
  }
}
