import { z } from 'zod';
import { FixedTip } from './coaching-tips.js';
import { DocBase, Email, Instant } from './common.js';

/**
 * Where the pair's roles (who manages whom) come from. `directory`: the organisation's directory names
 * one of the two as the other's manager (direct or dotted line; `manages`), or names the manager of
 * the person the organizer meets and it is someone else (`peers`: it has answered, nobody is asked);
 * `confirmed`: one of the two answered in chat (`relation` says what), trusted only once the other
 * agreed (`agreedBy`); `unconfirmed`: nobody has said yet, so `managerEmail` is only the organizer and
 * no manager-only content goes to anyone. Absent on pairs stored before roles had a source: they count
 * as `unconfirmed` until the next sync asks the directory.
 */
export const PairRoles = z.object({
  source: z.enum(['directory', 'confirmed', 'unconfirmed']),
  /** `peers`: the two said neither manages the other; such a 1:1 never gets manager-only content. */
  relation: z.enum(['manages', 'peers']).default('manages'),
  /** Who is asked first (the series' organizer): only they may confirm; the other may then correct. */
  askedEmail: Email.optional(),
  /** Who answered in chat, and when. */
  confirmedBy: Email.optional(),
  confirmedAt: Instant.optional(),
  /**
   * Before issue 28: the other person's press on the answer ("That's right" or a correction). Read only
   * to know who made the latest claim; such a pair is trusted once the other one agrees.
   */
  settledBy: Email.optional(),
  /** The other person's "That's right" on `confirmedBy`'s answer: only then are chat roles trusted. */
  agreedBy: Email.optional(),
  /** Of the two, those whose manager the directory names (someone else): no chat answer overrides it. */
  managerListedFor: z.array(Email).optional(),
  /** When the directory was last asked about the two (re-asked once a day by the sync). */
  checkedAt: Instant.optional(),
});
export type PairRoles = z.output<typeof PairRoles>;

/**
 * A manager and one report who meet 1:1. The pair document and everything of the pair live in the
 * `pairs` container under partition `/pairId`, so all reads of one 1:1 stay in one partition.
 */
export const Pair = DocBase.extend({
  type: z.literal('pair'),
  pairId: z.string().min(1),
  managerEmail: Email,
  reportEmail: Email,
  roles: PairRoles.optional(),
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
