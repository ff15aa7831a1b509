import { isBefore, isLive, type Occurrence } from '../../domain/index.js';
import type { Store } from '../../ports.js';

/** Every occurrence of a pair (one partition), in order of their current start. */
export async function pairOccurrences(store: Store, pairId: string): Promise<Occurrence[]> {
  const found: Occurrence[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.pairs.list(pairId, {
      type: 'occurrence',
      limit: 500,
      ...(continuation ? { continuation } : {}),
    });
    found.push(...page.items.map((item) => item.doc));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return found.sort((a, b) => a.start.localeCompare(b.start));
}

/** The meeting now in progress, or else the next live one: where a new topic or note lands. */
export async function currentOrNextOccurrence(
  store: Store,
  pairId: string,
  now: string,
): Promise<Occurrence | undefined> {
  return (await pairOccurrences(store, pairId)).find((o) => isLive(o) && isBefore(now, o.end));
}
