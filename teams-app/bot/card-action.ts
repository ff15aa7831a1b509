import { z } from 'zod';

const id = z.string().min(1).max(512);

/**
 * The Action.Execute verbs of Steady's cards with their data (inputs merged in by Teams). Parsed
 * once; anything else is refused. Who pressed comes from the activity, never from this data.
 */
export const CardAction = z.discriminatedUnion('verb', [
  z.object({
    verb: z.literal('addTopic'),
    data: z.object({ pairId: id, occurrenceId: id, topic: z.string().max(20_000).optional() }),
  }),
  z.object({ verb: z.literal('markCovered'), data: z.object({ pairId: id, topicId: id }) }),
  z.object({ verb: z.literal('markDone'), data: z.object({ pairId: id, actionItemId: id }) }),
  z.object({
    verb: z.literal('submitDeepDive'),
    data: z.object({
      pairId: id,
      occurrenceId: id,
      happiness: z.coerce.number().int().min(1).max(10),
      makeItTen: z.string().max(2000).optional(),
      learning: z.string().max(2000).optional(),
      career: z.string().max(2000).optional(),
      share: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
    }),
  }),
  z.object({ verb: z.literal('choosePair'), data: z.object({ pairId: id, command: z.string().max(4000) }) }),
]);
export type CardAction = z.infer<typeof CardAction>;

/** The invoke's `value.action` → a card action, or the reason it is not one. */
export function parseCardAction(
  value: unknown,
): { ok: true; action: CardAction } | { ok: false; reason: string } {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  const parsed = CardAction.safeParse(action);
  if (parsed.success) return { ok: true, action: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'action'}: ${issue?.message ?? 'invalid'}` };
}
