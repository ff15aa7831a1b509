import { z } from 'zod';

/**
 * Gentle coaching for the manager, drawn from the guide's "Questions to Avoid" and "Common Mistakes"
 * (see `guide.ts`) and said as something to try. Only the manager's agenda shows one, one a
 * 1:1; the report never sees them. Ordered so that neighbours touch different habits.
 */
export const COACHING_TIPS = [
  'Open with “What’s on your mind?” and save status for written updates: this time is theirs.',
  'Swap “Everything going okay?” for a question that can’t be answered with yes, like “What’s been hardest this week?”',
  'Keep feedback specific: name the situation, what you saw and its impact, so they know what to repeat or change.',
  'Ask “How would you approach it?” before you share your view: a leading question gets agreement, not ideas.',
  'If there is a hard topic you have been putting off, raise it kindly today: the longer it waits, the harder it gets.',
  'Rather than “Is the project on track?”, ask what would make the work easier: the answer tells you more.',
  'When the week gets busy, move this 1:1 rather than cancel it: showing up is how they know it matters.',
] as const;

/** The tip fixed for one occurrence's agendas: its index in `COACHING_TIPS`. */
export const FixedTip = z.object({ occurrenceId: z.string(), index: z.number().int().min(0) });
export type FixedTip = z.infer<typeof FixedTip>;

/**
 * How many occurrences' tips a pair remembers. More than one, so a card that is still updated after the
 * next agenda went out (a daily 1:1, a topic added during the meeting) keeps its own tip.
 */
export const REMEMBERED_TIPS = 4;

/**
 * The tip of an occurrence: the one fixed for it, else the one after the pair's latest, so a pair never
 * gets the same tip twice in a row. A pair that never had one starts at the first.
 */
export function tipIndexFor(recent: readonly FixedTip[] | undefined, occurrenceId: string): number {
  const fixed = recent?.find((tip) => tip.occurrenceId === occurrenceId);
  if (fixed !== undefined) return fixed.index % COACHING_TIPS.length;
  const latest = recent?.at(-1);
  return latest === undefined ? 0 : (latest.index + 1) % COACHING_TIPS.length;
}

/** The text of the occurrence's tip (see `tipIndexFor`). */
export function coachingTipFor(recent: readonly FixedTip[] | undefined, occurrenceId: string): string {
  return COACHING_TIPS[tipIndexFor(recent, occurrenceId)] ?? COACHING_TIPS[0];
}

/** `recent` with the occurrence's tip fixed (unchanged when it already is), the latest `REMEMBERED_TIPS`. */
export function withTipFixed(recent: readonly FixedTip[] | undefined, occurrenceId: string): FixedTip[] {
  const all = recent ?? [];
  if (all.some((tip) => tip.occurrenceId === occurrenceId)) return [...all];
  return [...all, { occurrenceId, index: tipIndexFor(all, occurrenceId) }].slice(-REMEMBERED_TIPS);
}
