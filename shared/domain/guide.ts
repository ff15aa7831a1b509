/**
 * The content Steady carries from the management guide on effective 1:1s (its words live here): the
 * questions of its "Questions That Work" and "Monthly Deep Dive". Kept as data so the cards and the
 * rotation rule read the same words.
 */
export const QUESTIONS_THAT_WORK = [
  'What is the hardest part of your job right now?',
  'What do you need from me this week?',
  'What would success look like for you this quarter?',
  'What feedback do you have for me?',
] as const;

export const DEEP_DIVE_QUESTIONS = [
  'How are you feeling about work (1-10)?',
  'What would make it a 10?',
  'What did you learn this month?',
  'What do you want to learn next?',
  'Are you still excited about your path?',
  'How can I help your progression?',
] as const;

/**
 * The suggested question of an occurrence: the one already chosen for it, or else the one after the
 * pair's last, so a pair never gets the same question twice in a row.
 */
export function questionIndexFor(
  last: { readonly occurrenceId: string; readonly index: number } | undefined,
  occurrenceId: string,
  /** The questions fixed for the latest occurrences (the pair's `questions`). */
  recent: readonly { readonly occurrenceId: string; readonly index: number }[] = [],
): number {
  const fixed = recent.find((question) => question.occurrenceId === occurrenceId);
  if (fixed !== undefined) return fixed.index % QUESTIONS_THAT_WORK.length;
  return nextQuestionIndex(last, occurrenceId);
}

function nextQuestionIndex(
  last: { readonly occurrenceId: string; readonly index: number } | undefined,
  occurrenceId: string,
): number {
  if (last === undefined) return 0;
  if (last.occurrenceId === occurrenceId) return last.index;
  return (last.index + 1) % QUESTIONS_THAT_WORK.length;
}

/** The guide's "Career Conversation Guide" (chapter 4): three steps, each with its prompts. */
export const CAREER_CONVERSATION_GUIDE = [
  {
    step: 'Understand aspirations',
    prompts: ['Where do you want to be in 2 years?', 'What kind of work energizes you?'],
  },
  { step: 'Assess current state', prompts: ['Where are you strongest?', 'What gaps do you see?'] },
  { step: 'Create a plan', prompts: ['One goal for this quarter', 'Projects that build the skill'] },
] as const;

/**
 * The guide's "Promotion Conversation" frame, around the role it is about: the manager's words, so
 * expectations and evidence are said plainly.
 */
export const PROMOTION_FRAME = {
  expects: ' role expects X, Y, Z.',
  evidence: 'I see you doing X well. For Y, I need to see A and B.',
  plan: 'Let’s build a plan together and check progress monthly.',
} as const;
