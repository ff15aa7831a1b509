import type { Occurrence } from '../../domain/index.js';
import type { Store } from '../../ports.js';

/** Every stored occurrence of one series (one partition, paged). */
export async function occurrencesOf(store: Store, pairId: string, seriesId: string): Promise<Occurrence[]> {
  const found: Occurrence[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.pairs.list(pairId, {
      type: 'occurrence',
      limit: 500,
      ...(continuation === undefined ? {} : { continuation }),
    });
    for (const item of page.items) if (item.doc.seriesId === seriesId) found.push(item.doc);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return found;
}
