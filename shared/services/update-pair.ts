import type { Pair } from '../domain/index.js';
import type { Store } from '../ports.js';

/**
 * Changes a pair document with a conditional write, read again on a conflict: the pair document is
 * also written by deliveries (the question and the coaching tip fixed for an agenda, the cadence
 * state), and a blind upsert would drop what they wrote. `change` returns `undefined` to write nothing.
 */
export async function updatePair(
  store: Store,
  pairId: string,
  change: (pair: Pair) => Pair | undefined,
): Promise<Pair | undefined> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const stored = await store.pairs.get(pairId, 'pair');
    if (stored?.doc.type !== 'pair') return undefined;
    const next = change(stored.doc);
    if (next === undefined) return stored.doc;
    if ((await store.pairs.replace(next, stored.etag)).ok) return next;
  }
  throw new Error(`pair ${pairId}: the pair document kept changing under the write`);
}
