import { z } from 'zod';
import { DocBase, Email, Instant, UserText } from './common.js';
import { foldAddress } from './address-rules.js';
import { isAuthor, type Viewer } from './note.js';
import { err, ok, type Result } from './result.js';

/** The longest one part of an SBI feedback may be; a moment, an act, a consequence and an ask each fit. */
export const FEEDBACK_PART_MAX = 1000;

/** The four parts of the guide's SBI model, with the request that makes it actionable. */
export const FEEDBACK_PARTS = ['situation', 'behavior', 'impact', 'request'] as const;
export type FeedbackPart = (typeof FEEDBACK_PARTS)[number];

const Part = UserText(FEEDBACK_PART_MAX);

/**
 * Feedback from one of a pair to the other, in the SBI model. A draft is its author's alone, in every
 * output; shared, both see it on the agenda of the occurrence it lands on and in its summary.
 */
export const Feedback = DocBase.extend({
  type: z.literal('feedback'),
  pairId: z.string().min(1),
  /** The occurrence it lands on: the pair's meeting in progress or next live one when it was saved. */
  occurrenceId: z.string().min(1),
  occurrenceStart: Instant,
  authorEmail: Email,
  /**
   * The Teams identity that wrote it: a draft is theirs, not their address's, so whoever later gets the
   * address never reads or edits it (issue 27). Absent on feedback written before.
   */
  authorUserId: z.string().min(1).optional(),
  recipientEmail: Email,
  situation: Part.optional(),
  behavior: Part,
  impact: Part.optional(),
  request: Part,
  state: z.enum(['draft', 'shared']),
});
export type Feedback = z.infer<typeof Feedback>;

/** What a person wrote in each part, checked: Behavior and Request are required. */
export interface SbiText {
  readonly situation?: string;
  readonly behavior: string;
  readonly impact?: string;
  readonly request: string;
}

/** Why feedback was refused: the part, and a reason written for the person who wrote it. */
export interface FeedbackProblem {
  readonly field: FeedbackPart;
  readonly reason: string;
}

const titles: Record<FeedbackPart, string> = {
  situation: 'Situation',
  behavior: 'Behavior',
  impact: 'Impact',
  request: 'Request',
};

// Vague feedback changes nothing (the guide's "Common mistakes"): these two parts make it specific.
const requiredReasons: Partial<Record<FeedbackPart, string>> = {
  behavior: 'Behavior: say what they did, something you saw or heard, not a trait.',
  request: 'Request: say what you ask for next time, one step they can take.',
};

/**
 * Checks the four parts as a person typed them. An empty Behavior or Request is refused with a reason
 * that says what to write; Situation and Impact may be left out. The first problem is returned.
 */
export function checkFeedback(
  parts: Partial<Record<FeedbackPart, string | undefined>>,
): Result<SbiText, FeedbackProblem> {
  const checked: Partial<Record<FeedbackPart, string>> = {};
  for (const field of FEEDBACK_PARTS) {
    const given = parts[field] ?? '';
    if (given.trim() === '') {
      const reason = requiredReasons[field];
      if (reason !== undefined) return err({ field, reason });
      continue;
    }
    const parsed = Part.safeParse(given);
    if (!parsed.success)
      return err({
        field,
        reason: `${titles[field]}: it ${parsed.error.issues[0]?.message ?? 'is invalid'}.`,
      });
    checked[field] = parsed.data;
  }
  const { situation, behavior = '', impact, request = '' } = checked;
  return ok({
    behavior,
    request,
    ...(situation === undefined ? {} : { situation }),
    ...(impact === undefined ? {} : { impact }),
  });
}

/** Whether `viewer` wrote `feedback` (`isAuthor`: by Teams identity). */
export const wroteFeedback = (feedback: Feedback, viewer: Viewer): boolean =>
  isAuthor(feedback, feedback.authorEmail, viewer);

/** Whether `viewer` may see `feedback`: a draft only its author (by identity); shared, both of the pair. */
export const canSeeFeedback = (feedback: Feedback, viewer: Viewer): boolean => {
  if (feedback.state === 'draft') return wroteFeedback(feedback, viewer);
  const email = foldAddress(viewer.email);
  return feedback.authorEmail === email || feedback.recipientEmail === email;
};
