import { z } from 'zod';
import { FixedTip } from './coaching-tips.js';
import { DocBase, Email, Instant } from './common.js';

/**
 * A manager and one report who meet 1:1. The pair document and everything of the pair live in the
 * `pairs` container under partition `/pairId`, so all reads of one 1:1 stay in one partition.
 */
export const Pair = DocBase.extend({
  type: z.literal('pair'),
  pairId: z.string().min(1),
  managerEmail: Email,
  reportEmail: Email,
  /** `paused` stops agendas and summaries until someone resumes. */
  tracking: z.enum(['active', 'paused']),
  /** Index in the seed's "Questions That Work" of the last suggested question, so it rotates. */
  lastQuestion: z.object({ occurrenceId: z.string(), index: z.number().int().min(0) }).optional(),
  /**
   * The manager's coaching tips fixed for the latest agendas, oldest first (see `withTipFixed`). Absent on
   * pairs stored before tips existed: their next agenda gets the first.
   */
  coachingTips: z.array(FixedTip).optional(),
  /**
   * The suggested questions fixed for the latest agendas, oldest first (as `coachingTips`): a card still
   * updated after the next agenda went out keeps its own question. `lastQuestion` is the latest.
   */
  questions: z.array(FixedTip).optional(),
  /** Where the cadence rule stands: absent until the first cadence alert. */
  cadence: z
    .object({
      /** Original start of the occurrence that completed the last alerted pattern (one alert per streak). */
      alertedFor: Instant,
    })
    .optional(),
});
export type Pair = z.infer<typeof Pair>;
