import { z } from 'zod';
import { GROWTH_GOAL_CARD_CHARS, SUMMARY_LIMITS } from '../agenda-limits.js';
import {
  ActionItemView,
  CHECKPOINT_NOTE_INPUT,
  Count,
  FeedbackView,
  Id,
  Label,
  Name,
  NoteView,
  ROLE_INPUT,
  Text,
  TopicView,
} from './parts.js';

/** `deepDive`: the report's monthly prompt card. */
export const DeepDiveData = z.strictObject({
  pairId: Id,
  occurrenceId: Id,
  managerName: Name,
  /** Already formatted, e.g. "March 2026". */
  month: Label,
  /**
   * The growth plan checkpoint this deep dive asks about (the end of the month just ended): the goal, cut;
   * the date as shown; which checkpoint it is (sent back with Submit); the note stored so far. Absent
   * when the pair has no plan for that quarter.
   */
  growth: z
    .strictObject({
      goal: Text(GROWTH_GOAL_CARD_CHARS),
      checkpointLabel: z.string().min(1).max(40),
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
      index: z.number().int().min(0).max(2),
      note: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
    })
    .optional(),
});
export type DeepDiveData = z.input<typeof DeepDiveData>;

/** `summary`: sent to each participant after an occurrence; what passes `SUMMARY_LIMITS` is counted. */
export const SummaryData = z
  .strictObject({
    otherName: Name,
    when: Label,
    covered: z.array(TopicView),
    carriedOver: z.array(TopicView),
    notes: z.array(NoteView.extend({ text: Text(SUMMARY_LIMITS.noteChars) })).max(SUMMARY_LIMITS.notes),
    actionItems: z.array(ActionItemView).max(SUMMARY_LIMITS.actions),
    /** Feedback shared at this 1:1, either way; never a draft. */
    feedback: z
      .array(FeedbackView.extend({ draft: z.literal(false) }))
      .max(SUMMARY_LIMITS.feedback)
      .default([]),
    /** The next occurrence, formatted; absent when there is none on the calendar. */
    next: Label.optional(),
    /**
     * When this 1:1 was a planned career or promotion conversation: the goal the pair agreed for the
     * quarter (their growth plan's, cut), or none yet.
     */
    conversation: z
      .strictObject({
        kind: z.enum(['career', 'promotion']),
        role: Text(ROLE_INPUT).optional(),
        /** e.g. "Q2 2026". */
        quarter: z.string().regex(/^Q[1-4] \d{4}$/),
        goal: Text(GROWTH_GOAL_CARD_CHARS).optional(),
      })
      .optional(),
    moreTopics: Count,
    moreNotes: Count,
    moreActions: Count,
    moreFeedback: Count.default(0),
    /**
     * "Did this 1:1 happen?": `ask` while either person may still say it did not (the button carries the
     * 1:1), `notHeld` once one of them did (who, and on which day); absent after the 7 days.
     */
    held: z
      .discriminatedUnion('state', [
        z.strictObject({ state: z.literal('ask'), pairId: Id, occurrenceId: Id }),
        z.strictObject({ state: z.literal('notHeld'), byName: Name, on: Label }),
      ])
      .optional(),
  })
  .refine((data) => data.covered.length + data.carriedOver.length <= SUMMARY_LIMITS.topics, {
    error: `at most ${SUMMARY_LIMITS.topics} topics covered and carried over together (count the rest in moreTopics)`,
    path: ['covered'],
  });
export type SummaryData = z.input<typeof SummaryData>;
