import type { PairDoc } from '../domain/index.js';
import type { Store } from '../ports.js';

/** Every document of one type in a pair's partition, all pages read. */
export async function pairDocs<K extends PairDoc['type']>(
  store: Store,
  pairId: string,
  type: K,
): Promise<Extract<PairDoc, { type: K }>[]> {
  const found: Extract<PairDoc, { type: K }>[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.pairs.list(pairId, {
      type,
      limit: 500,
      ...(continuation ? { continuation } : {}),
    });
    found.push(...page.items.map((item) => item.doc));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return found;
}
