import { closesAt, isBefore, isLive, type Occurrence } from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';

/** Every occurrence of a pair (one partition), in order of their current start. */
export async function pairOccurrences(store: Store, pairId: string): Promise<Occurrence[]> {
  return (await pairDocs(store, pairId, 'occurrence')).sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The meeting now in progress (until its summary is due), or else the next live one: where a new
 * topic or note lands.
 */
export async function currentOrNextOccurrence(
  store: Store,
  pairId: string,
  now: string,
): Promise<Occurrence | undefined> {
  return (await pairOccurrences(store, pairId)).find((o) => isLive(o) && isBefore(now, closesAt(o)));
}
