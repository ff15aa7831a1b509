import type { ActionItem, Topic } from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';

const byCreation = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Open action items of a pair, oldest first: the order `done <n>` and the cards number them in. */
export async function openActionItems(store: Store, pairId: string): Promise<ActionItem[]> {
  return (await pairDocs(store, pairId, 'actionItem')).filter((a) => !a.done).sort(byCreation);
}

/** Every topic of a pair, oldest first. */
export async function pairTopics(store: Store, pairId: string): Promise<Topic[]> {
  return (await pairDocs(store, pairId, 'topic')).sort(byCreation);
}
