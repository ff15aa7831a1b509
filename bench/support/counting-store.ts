import type { Store } from '../../shared/ports.js';

export interface StoreCounts {
  /** Calls that read: `get`, `list` (one page), `scan` (one page). */
  reads: number;
  /** Documents those calls returned. */
  docs: number;
  /** `create`, `replace`, `upsert`, `delete`. */
  writes: number;
}

/** The store with every call counted, for figures such as "reads per tick". */
export function countingStore(store: Store): { store: Store; counts: StoreCounts; reset: () => void } {
  const counts: StoreCounts = { reads: 0, docs: 0, writes: 0 };
  const wrap = <T extends object>(collection: T): T =>
    new Proxy(collection, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = String(key);
        return async (...args: unknown[]) => {
          const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as
            { items?: unknown[] } | undefined;
          if (name === 'get') {
            counts.reads += 1;
            if (result !== undefined) counts.docs += 1;
          } else if (name === 'list' || name === 'scan') {
            counts.reads += 1;
            counts.docs += result?.items?.length ?? 0;
          } else counts.writes += 1;
          return result;
        };
      },
    });
  return {
    store: {
      pairs: wrap(store.pairs),
      users: wrap(store.users),
      calendars: wrap(store.calendars),
      jobs: wrap(store.jobs),
      close: () => store.close(),
    },
    counts,
    reset: () => void Object.assign(counts, { reads: 0, docs: 0, writes: 0 }),
  };
}
