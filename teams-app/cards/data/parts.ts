import { z } from 'zod';
import { plainText } from '../../../shared/domain/index.js';
import { FEEDBACK_CARD_CHARS, GROWTH_GOAL_CARD_CHARS } from '../agenda-limits.js';

// Bounds match the domain (topic and action text 500, note 4000, names 200); they also bound a card's size.
// A pair id is two email addresses, so ids may be longer than a Cosmos document id.
export const Id = z.string().min(1).max(1024);
// Adaptive Cards expand `{{DATE(...)}}` and `{{TIME(...)}}` even inside a TextRun: a zero-width space
// between the braces keeps what a person typed looking exactly as typed, and inert.
// Text stored before the edge refused bidi controls and zero-width spaces loses them here, so no card
// line can read as another (plainText), before the one zero-width space the escaping adds.
export const inert = (value: string) => plainText(value).replace(/\{\{/g, '{\u200b{');
export const Name = z.string().min(1).max(200).transform(inert);
export const Label = z.string().min(1).max(200);
export const Text = (max: number) => z.string().min(1).max(max).transform(inert);
export const Count = z.number().int().min(0);
/** The SBI inputs' `maxLength` (the domain's `FEEDBACK_PART_MAX`). */
export const FEEDBACK_PART_INPUT = 1000;
/** The growth plan inputs' `maxLength` (the domain's `GROWTH_TEXT_MAX` and `CHECKPOINT_NOTE_MAX`). */
export const GROWTH_TEXT_INPUT = 1000;
export const CHECKPOINT_NOTE_INPUT = 500;

/** A topic as a card shows it; `number` is what chat commands such as `done 2` refer to. */
export const TopicView = z.strictObject({
  id: Id,
  number: z.number().int().positive(),
  text: Text(500),
  authorName: Name,
  carriedOver: z.boolean(),
  covered: z.boolean(),
});
export type TopicView = z.infer<typeof TopicView>;

/** An action item as a card shows it; `due` is already formatted (e.g. "20 Mar 2026"). */
export const ActionItemView = z.strictObject({
  id: Id,
  number: z.number().int().positive(),
  text: Text(500),
  ownerName: Name,
  due: z.string().min(1).max(40).optional(),
  done: z.boolean(),
});
export type ActionItemView = z.infer<typeof ActionItemView>;

/** A note in a summary; the caller has already left out other people's private notes. */
export const NoteView = z.strictObject({ authorName: Name, text: Text(4000), private: z.boolean() });
export type NoteView = z.infer<typeof NoteView>;

/**
 * SBI feedback as an agenda or summary shows it, each part cut to `FEEDBACK_CARD_CHARS`. `draft` is
 * only ever on its author's card: the caller leaves the other person's drafts out.
 */
export const FeedbackView = z.strictObject({
  id: Id,
  /** Who gave it; it is for the other person of the pair. */
  authorName: Name,
  draft: z.boolean(),
  situation: Text(FEEDBACK_CARD_CHARS).optional(),
  behavior: Text(FEEDBACK_CARD_CHARS),
  impact: Text(FEEDBACK_CARD_CHARS).optional(),
  request: Text(FEEDBACK_CARD_CHARS),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

/** The pair's growth plan as an agenda shows it: the quarter's goal (cut) and the next checkpoint, formatted. */
export const GrowthView = z.strictObject({
  /** e.g. "Q2 2026". */
  quarter: z.string().regex(/^Q[1-4] \d{4}$/),
  goal: Text(GROWTH_GOAL_CARD_CHARS),
  /** e.g. "Thu 30 Apr 2026", in the viewer's zone; absent when every checkpoint has passed. */
  nextCheckpoint: z.string().min(1).max(40).optional(),
});
export type GrowthView = z.infer<typeof GrowthView>;

/** The longest a promotion conversation's role is (the domain's `ROLE_MAX`). */
export const ROLE_INPUT = 100;

/** A career or promotion conversation planned for a 1:1, as its agenda shows it to both people. */
export const ConversationView = z.strictObject({
  kind: z.enum(['career', 'promotion']),
  /** The manager who planned it. */
  plannedBy: Name,
  /** The role a promotion conversation is about. */
  role: Text(ROLE_INPUT).optional(),
});
export type ConversationView = z.infer<typeof ConversationView>;

/** A month as cards show it, e.g. "Mar 2026". */
export const MonthLabel = z
  .string()
  .regex(/^[A-Z][a-z]{2} \d{4}$/, { error: 'must be a month like "Mar 2026"' });

/** One month's shared happiness score (1–10). */
export const HappinessPointView = z.strictObject({
  label: MonthLabel,
  happiness: z.number().int().min(1).max(10),
});
export type HappinessPointView = z.infer<typeof HappinessPointView>;

/**
 * The longest a shared answer is shown on an agenda (a topic's length; the caller shortens longer ones).
 * Each answer shown takes one topic's room, so the card stays within its size at any length of text.
 */
export const SHARED_ANSWER_CHARS = 500;

/** The report's latest deep-dive answers, only when they shared them; `label` is the month answered. */
export const SharedAnswersView = z.strictObject({
  label: MonthLabel,
  makeItTen: Text(SHARED_ANSWER_CHARS).optional(),
  learning: Text(SHARED_ANSWER_CHARS).optional(),
  career: Text(SHARED_ANSWER_CHARS).optional(),
});
export type SharedAnswersView = z.infer<typeof SharedAnswersView>;
