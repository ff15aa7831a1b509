import type { PairDoc } from '../domain/index.js';
import type { Collection, Store } from '../ports.js';

/** Every document of one partition of `collection`, of one `type` if given, all pages read. */
export async function allDocs<T extends { id: string; type: string }, K extends T['type'] = T['type']>(
  collection: Pick<Collection<T>, 'list'>,
  partitionKey: string,
  type?: K,
): Promise<Extract<T, { type: K }>[]> {
  const found: Extract<T, { type: K }>[] = [];
  let continuation: string | undefined;
  do {
    const page = await collection.list<K>(partitionKey, {
      limit: 500,
      ...(type === undefined ? {} : { type }),
      ...(continuation ? { continuation } : {}),
    });
    found.push(...page.items.map((item) => item.doc));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return found;
}

/** Every document of one type in a pair's partition, all pages read. */
export const pairDocs = <K extends PairDoc['type']>(
  store: Store,
  pairId: string,
  type: K,
): Promise<Extract<PairDoc, { type: K }>[]> => allDocs(store.pairs, pairId, type);
