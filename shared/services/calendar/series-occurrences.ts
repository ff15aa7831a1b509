import type { Occurrence } from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';

/** Every stored occurrence of one series (one partition, paged). */
export async function occurrencesOf(store: Store, pairId: string, seriesId: string): Promise<Occurrence[]> {
  return (await pairDocs(store, pairId, 'occurrence')).filter((o) => o.seriesId === seriesId);
}
