import type { ActionItem, PairDoc, Topic } from '../../domain/index.js';
import type { Store } from '../../ports.js';

async function all<K extends PairDoc['type']>(store: Store, pairId: string, type: K) {
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

const byCreation = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Open action items of a pair, oldest first: the order `done <n>` and the cards number them in. */
export async function openActionItems(store: Store, pairId: string): Promise<ActionItem[]> {
  return (await all(store, pairId, 'actionItem')).filter((a) => !a.done).sort(byCreation);
}

/** Every topic of a pair, oldest first. */
export async function pairTopics(store: Store, pairId: string): Promise<Topic[]> {
  return (await all(store, pairId, 'topic')).sort(byCreation);
}

export { all as allOfType };
