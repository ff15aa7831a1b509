import { questionIndexFor, utc, type Occurrence, type Pair } from '../../domain/index.js';
import type { Store } from '../../ports.js';

/**
 * Fixes the suggested question of an occurrence when its first agenda goes out: the next one after
 * the pair's last. Conditional on the pair's etag, so both agendas of one 1:1 (and any retry) show
 * the same question, and consecutive 1:1s never repeat one.
 */
export async function chooseQuestion(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  now: Date,
): Promise<Pair> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await store.pairs.get(pair.pairId, 'pair');
    if (stored?.doc.type !== 'pair') return pair;
    if (stored.doc.lastQuestion?.occurrenceId === occurrence.id) return stored.doc;
    const next: Pair = {
      ...stored.doc,
      lastQuestion: {
        occurrenceId: occurrence.id,
        index: questionIndexFor(stored.doc.lastQuestion, occurrence.id),
      },
      updatedAt: utc(now),
    };
    if ((await store.pairs.replace(next, stored.etag)).ok) return next;
  }
  return pair;
}
