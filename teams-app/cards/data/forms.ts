import { z } from 'zod';
import {
  CHECKPOINT_NOTE_INPUT,
  FEEDBACK_PART_INPUT,
  GROWTH_TEXT_INPUT,
  Id,
  Label,
  Name,
  ROLE_INPUT,
  Text,
} from './parts.js';

/** What one SBI part may hold on the feedback card (what was typed, given back when a submit is refused). */
const FeedbackInput = z.string().max(FEEDBACK_PART_INPUT).default('');

/** `feedback`: the SBI card one of a pair fills for the other, from the `feedback` command. */
export const FeedbackCardData = z.strictObject({
  pairId: Id,
  /** The feedback this card writes: saving again edits the same draft. */
  feedbackId: Id,
  /** The author's role: the report's card asks "What feedback do you have for me?" for their manager. */
  viewerRole: z.enum(['manager', 'report']),
  otherName: Name,
  /** `draft` once saved as a draft (only the author sees it). */
  state: z.enum(['new', 'draft']),
  /** Why the last submit was refused, shown above the inputs; nothing was saved. */
  problem: Text(300).optional(),
  situation: FeedbackInput,
  behavior: FeedbackInput,
  impact: FeedbackInput,
  request: FeedbackInput,
});
export type FeedbackCardData = z.infer<typeof FeedbackCardData>;

/**
 * `planConversation`: the manager plans a career or promotion conversation for the 1:1 after the
 * agenda they pressed it on.
 */
export const PlanConversationData = z.strictObject({
  pairId: Id,
  /** The 1:1 it is for, and when, as shown. */
  occurrenceId: Id,
  when: Label,
  otherName: Name,
  /** What is planned for that 1:1 now (`none`: nothing yet), and the role of a promotion conversation. */
  kind: z.enum(['none', 'career', 'promotion']),
  role: z.string().max(ROLE_INPUT).default(''),
  /** Why the last submit was refused, shown above the inputs; nothing was saved. */
  problem: Text(300).optional(),
});
export type PlanConversationData = z.input<typeof PlanConversationData>;

/** What one growth plan field may hold on its card (what was stored or typed, given back when refused). */
const GrowthInput = z.string().max(GROWTH_TEXT_INPUT).default('');

/** `growthPlan`: the pair's plan for one quarter, from the `growth` command; either person may edit it. */
export const GrowthPlanCardData = z.strictObject({
  pairId: Id,
  /** The quarter the card saves, e.g. "2026-Q2", and as shown, "Q2 2026". */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  quarterLabel: Label,
  otherName: Name,
  /** `saved` once a plan exists for the quarter; `savedBy` names who saved it last. */
  state: z.enum(['new', 'saved']),
  savedBy: Name.optional(),
  /** Why the last submit was refused, shown above the inputs; nothing was saved. */
  problem: Text(300).optional(),
  goal: GrowthInput,
  support: GrowthInput,
  evidence: GrowthInput,
  /** The three monthly checkpoints: the date as shown, and the progress note so far. */
  checkpoint1Label: Label,
  checkpoint2Label: Label,
  checkpoint3Label: Label,
  checkpoint1: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
  checkpoint2: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
  checkpoint3: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
});
export type GrowthPlanCardData = z.input<typeof GrowthPlanCardData>;
