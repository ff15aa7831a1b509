import { CardAction } from '../cards/card-action.js';

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
