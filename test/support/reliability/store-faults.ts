import {
  err,
  CONTAINER_NAMES,
  partitionKeyOf,
  type ContainerDoc,
  type ContainerName,
} from '../../../shared/domain/index.js';
import type { Collection, Store } from '../../../shared/ports.js';

/** One Store call, as a fault rule sees it. */
export interface StoreCall {
  readonly container: ContainerName;
  readonly op: 'get' | 'create' | 'replace' | 'upsert' | 'delete' | 'list';
  readonly id?: string;
  /** The document written (create, replace, upsert). */
  readonly doc?: { readonly type: string; readonly [field: string]: unknown };
}

type Rule = { remaining: number; match: (call: StoreCall) => boolean };

/**
 * Faults at the Store port, for a store of either adapter:
 * - `interfere`: just before a matching conditional write, another writer rewrites the same document
 *   (the same content, so only its etag changes), so the write meets a real conflict from the
 *   database itself: a 412 from Cosmos DB, a stale etag in SQLite.
 * - `throttle`: a matching call fails the way a Cosmos DB 429 does once the SDK has used up its own
 *   retries (an error, so the handler throws and the queue retries the message; `tryReplace` answers
 *   it as the adapter does, a value).
 * `paused` turns both off (a chat message is not retried by Teams, so the soak does not throttle one).
 */
export class StoreFaults {
  private readonly interfering: Rule[] = [];
  private readonly throttling: Rule[] = [];
  paused = false;
  /** Conflicts the interfering writes caused, and calls failed as throttled. */
  readonly caused = { conflicts: 0, throttled: 0 };

  interfere(count: number, match: (call: StoreCall) => boolean): void {
    this.interfering.push({ remaining: count, match });
  }

  throttle(count: number, match: (call: StoreCall) => boolean): void {
    this.throttling.push({ remaining: count, match });
  }

  wrap(store: Store): Store {
    const wrapped = Object.fromEntries(
      CONTAINER_NAMES.map((name) => [name, this.collection(name, store[name] as never)]),
    );
    const scan: Store['calendars']['scan'] = (options) => store.calendars.scan(options);
    return {
      ...wrapped,
      calendars: { ...wrapped['calendars'], scan },
      close: () => store.close(),
    } as Store;
  }

  private take(rules: Rule[], call: StoreCall): boolean {
    if (this.paused) return false;
    const index = rules.findIndex((rule) => rule.match(call));
    const rule = rules[index];
    if (rule === undefined) return false;
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules.splice(index, 1);
    return true;
  }

  private throttled(call: StoreCall): boolean {
    if (!this.take(this.throttling, call)) return false;
    this.caused.throttled += 1;
    return true;
  }

  private check(call: StoreCall): void {
    if (!this.throttled(call)) return;
    throw Object.assign(new Error(`Request rate is large (429): ${call.op} ${call.container}`), {
      code: 429,
      retryAfterInMs: 1000,
    });
  }

  private collection<C extends ContainerName>(
    container: C,
    inner: Collection<ContainerDoc<C>>,
  ): Collection<ContainerDoc<C>> {
    return {
      get: async (pk, id) => {
        this.check({ container, op: 'get', id });
        return inner.get(pk, id);
      },
      create: async (doc) => {
        this.check({ container, op: 'create', id: doc.id, doc });
        return inner.create(doc);
      },
      replace: async (doc, etag) => {
        const call: StoreCall = { container, op: 'replace', id: doc.id, doc };
        this.check(call);
        if (this.take(this.interfering, call)) {
          const current = await inner.get(partitionKeyOf(container, doc), doc.id);
          if (current !== undefined) await inner.upsert(current.doc);
          const result = await inner.replace(doc, etag);
          if (!result.ok) this.caused.conflicts += 1;
          return result;
        }
        return inner.replace(doc, etag);
      },
      // a throttled write answered as a value, as the Cosmos DB adapter answers it
      tryReplace: async (doc, etag) => {
        const call: StoreCall = { container, op: 'replace', id: doc.id, doc };
        if (this.throttled(call)) return err({ code: 'THROTTLED', retryAfterMs: 1000 });
        return inner.tryReplace(doc, etag);
      },
      upsert: async (doc) => {
        this.check({ container, op: 'upsert', id: doc.id, doc });
        return inner.upsert(doc);
      },
      delete: async (pk, id, etag) => {
        this.check({ container, op: 'delete', id });
        return inner.delete(pk, id, etag);
      },
      list: async (pk, options) => {
        this.check({ container, op: 'list' });
        return inner.list(pk, options);
      },
    };
  }
}
