import { z } from 'zod';

const Id = z.string().min(1).max(255);
// Teams sends an empty input as "" (or leaves it out); both mean "not answered".
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const Answer = z.preprocess(blankToUndefined, z.string().trim().max(2000).optional());
// Longer than the inputs' maxLength allows, so an over-long part (SBI or growth plan) is refused with the domain's reason.
const SbiPart = z.preprocess(blankToUndefined, z.string().max(4000).optional());
const Happiness = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*\d{1,2}\s*$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(1).max(10));
// What a person typed in an agenda input: longer than any input's maxLength, so the bot refuses it with the chat's reason.
const Typed = z.preprocess(blankToUndefined, z.string().max(5000).optional());
const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
const CheckpointIndex = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^[0-2]$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(0).max(2));
const Toggle = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .default(false);

/**
 * What a card button sends (`activity.value.action` of an `adaptiveCard/action` invoke): the verb and
 * the button's data merged with the card's inputs. The ids in `data` only say what was clicked: who
 * clicked comes from the authenticated activity, and the bot checks that person belongs to `pairId`.
 */
export const CardAction = z.discriminatedUnion('verb', [
  /**
   * The agenda's inputs: every button sends all of them (Adaptive Cards scopes no narrower), so each is
   * optional here and the bot checks the ones its verb uses as the chat command would.
   */
  z.object({ verb: z.literal('addTopic'), data: z.object({ pairId: Id, occurrenceId: Id, topic: Typed }) }),
  z.object({
    verb: z.literal('addNote'),
    data: z.object({ pairId: Id, occurrenceId: Id, note: Typed, private: Toggle }),
  }),
  z.object({
    verb: z.literal('addAction'),
    data: z.object({
      pairId: Id,
      occurrenceId: Id,
      action: Typed,
      owner: z.preprocess(blankToUndefined, z.enum(['me', 'other']).default('me')),
      due: z.preprocess(blankToUndefined, z.string().max(100).optional()),
    }),
  }),
  z.object({ verb: z.literal('markCovered'), data: z.object({ pairId: Id, topicId: Id }) }),
  z.object({ verb: z.literal('markDone'), data: z.object({ pairId: Id, actionItemId: Id }) }),
  /** "It didn't happen" on a summary: either person, once, within 7 days of the end. */
  z.object({ verb: z.literal('notHeld'), data: z.object({ pairId: Id, occurrenceId: Id }) }),
  z.object({
    verb: z.literal('submitDeepDive'),
    data: z.object({
      pairId: Id,
      occurrenceId: Id,
      happiness: Happiness,
      makeItTen: Answer,
      learning: Answer,
      career: Answer,
      share: Toggle,
      /** The growth plan checkpoint the card asked about (button data) and the note typed for it. */
      quarter: Quarter.optional(),
      index: CheckpointIndex.optional(),
      checkpoint: SbiPart,
    }),
  }),
  /** "Save as draft" or "Share" on the feedback card; the domain checks the parts and gives the reason. */
  z.object({
    verb: z.literal('saveFeedback'),
    data: z.object({
      pairId: Id,
      feedbackId: Id,
      state: z.enum(['draft', 'shared']),
      situation: SbiPart,
      behavior: SbiPart,
      impact: SbiPart,
      request: SbiPart,
    }),
  }),
  /** "Save" on the growth plan card: either person of the pair; the domain checks the goal and gives the reason. */
  z.object({
    verb: z.literal('saveGrowthPlan'),
    data: z.object({
      pairId: Id,
      quarter: Quarter,
      goal: SbiPart,
      support: SbiPart,
      evidence: SbiPart,
      checkpoint1: SbiPart,
      checkpoint2: SbiPart,
      checkpoint3: SbiPart,
    }),
  }),
  /** A button on the agenda that opens another card in the chat (it sends no input). */
  z.object({
    verb: z.literal('open'),
    data: z.object({
      pairId: Id,
      occurrenceId: Id,
      card: z.enum(['feedback', 'growthPlan', 'planConversation']),
    }),
  }),
  /** "Plan it" on the planConversation card: the manager only; the domain checks the choice and gives the reason. */
  z.object({
    verb: z.literal('planConversation'),
    data: z.object({
      pairId: Id,
      occurrenceId: Id,
      kind: z.preprocess(blankToUndefined, z.string().max(20).optional()),
      role: SbiPart,
    }),
  }),
  /**
   * "Is X your report?" on an agenda: `ask` is the organizer's first answer, `check` the other person's
   * word on it; `answer` is always from the presser's side. Who may press what is checked on the server.
   */
  z.object({
    verb: z.literal('confirmRoles'),
    data: z.object({
      pairId: Id,
      step: z.enum(['ask', 'check']),
      answer: z.enum(['reportsToMe', 'managesMe', 'peers', 'right']),
    }),
  }),
  z.object({
    verb: z.literal('choosePair'),
    data: z.object({ pairId: Id, command: z.string().min(1).max(4100) }),
  }),
  /** "Delete everything" on the confirmErase card: always about the presser, never anyone named in data. */
  z.object({ verb: z.literal('eraseMe'), data: z.object({ confirm: z.literal('erase') }) }),
]);
export type CardAction = z.output<typeof CardAction>;

/** Every verb a Steady card sends. */
export type CardVerb = CardAction['verb'];
