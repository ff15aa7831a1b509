import {
  REMEMBERED_TIPS,
  questionIndexFor,
  utc,
  withTipFixed,
  type Occurrence,
  type Pair,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';

/**
 * Fixes the suggested question of an occurrence when its first agenda goes out (the next one after
 * the pair's last), and in the same write the manager's coaching tip (the next after the pair's
 * latest). Conditional on the pair's etag, so both agendas of one 1:1 (and any retry or later update)
 * show the same question and tip, and consecutive 1:1s never repeat either. A pair stored before tips
 * existed, whose question is already fixed, gets its tip fixed on the next agenda.
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
    const tipFixed = stored.doc.coachingTips?.some((tip) => tip.occurrenceId === occurrence.id) ?? false;
    const recent = stored.doc.questions ?? [];
    const questionFixed = recent.some((question) => question.occurrenceId === occurrence.id);
    if (questionFixed && tipFixed) return stored.doc;
    const question = {
      occurrenceId: occurrence.id,
      index: questionIndexFor(stored.doc.lastQuestion, occurrence.id, recent),
    };
    const next: Pair = {
      ...stored.doc,
      lastQuestion: questionFixed ? stored.doc.lastQuestion : question,
      questions: questionFixed ? recent : [...recent, question].slice(-REMEMBERED_TIPS),
      coachingTips: withTipFixed(stored.doc.coachingTips, occurrence.id),
      updatedAt: utc(now),
    };
    if ((await store.pairs.replace(next, stored.etag)).ok) return next;
  }
  return pair;
}
