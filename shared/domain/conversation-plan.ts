import { z } from 'zod';
import { DocBase, Email, Instant, UserText } from './common.js';
import { docId } from './ids.js';
import { isLive, type Occurrence } from './occurrence.js';
import { err, ok, type Result } from './result.js';

/** The two conversations of the guide's chapter 4 a manager can plan for a 1:1. */
export const CONVERSATION_KINDS = ['career', 'promotion'] as const;
export const ConversationKind = z.enum(CONVERSATION_KINDS);
export type ConversationKind = z.infer<typeof ConversationKind>;

/** The longest the role of a promotion conversation may be ("Senior engineer"). */
export const ROLE_MAX = 100;

/**
 * A career or promotion conversation the manager planned for one 1:1, from an agenda. That 1:1's agenda
 * carries the guide's frame for it, and its summary records the goal agreed for the quarter. When the
 * 1:1 is cancelled, the plan moves to the pair's next live one, as open topics do.
 */
export const ConversationPlan = DocBase.extend({
  type: z.literal('conversationPlan'),
  pairId: z.string().min(1),
  /** The occurrence it was planned for, and that occurrence's original start. */
  occurrenceId: z.string().min(1),
  occurrenceStart: Instant,
  kind: ConversationKind,
  /** A promotion conversation is about one role: the guide's "The Senior role expects X, Y, Z". */
  role: UserText(ROLE_MAX).optional(),
  /** The manager who planned it. */
  plannedByEmail: Email,
});
export type ConversationPlan = z.infer<typeof ConversationPlan>;

/** One plan per occurrence: planning again for the same 1:1 changes it. */
export const conversationPlanIdOf = (occurrenceId: string): string => docId('conversationPlan', occurrenceId);

/** What the manager chose on the planning card, checked. `none` removes a plan. */
export type ConversationChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'career' }
  | { readonly kind: 'promotion'; readonly role: string };

/**
 * Checks the planning card's choice. A promotion conversation needs the role it is about: the guide's
 * frame starts from what that role expects, and "a promotion" in general gives nothing to prepare.
 */
export function checkConversationChoice(input: {
  readonly kind?: string | undefined;
  readonly role?: string | undefined;
}): Result<ConversationChoice, string> {
  if (input.kind === 'none') return ok({ kind: 'none' });
  if (input.kind === 'career') return ok({ kind: 'career' });
  if (input.kind !== 'promotion') return err('Choose a career or a promotion conversation.');
  if ((input.role ?? '').trim() === '')
    return err('Role: write the role the promotion is about, e.g. Senior engineer.');
  const role = UserText(ROLE_MAX).safeParse(input.role);
  if (!role.success) return err(`Role: it ${role.error.issues[0]?.message ?? 'is invalid'}.`);
  return ok({ kind: 'promotion', role: role.data });
}

/**
 * The plans `occurrence` holds: those planned for it, or for a cancelled 1:1 before it with no live one
 * in between (the first live occurrence on or after the planned one holds a plan). Oldest first.
 */
export function plansHeldBy(
  plans: readonly ConversationPlan[],
  occurrences: readonly Occurrence[],
  occurrence: Occurrence,
): ConversationPlan[] {
  const ordered = [...occurrences].sort((a, b) => a.originalStart.localeCompare(b.originalStart));
  const holder = (plan: ConversationPlan) =>
    ordered.find((o) => isLive(o) && o.originalStart >= plan.occurrenceStart);
  return plans
    .filter((plan) => holder(plan)?.id === occurrence.id)
    .sort(
      (a, b) => a.occurrenceStart.localeCompare(b.occurrenceStart) || a.updatedAt.localeCompare(b.updatedAt),
    );
}

/** The plan `occurrence` carries: of those it holds, the latest planned. */
export const conversationFor = (
  plans: readonly ConversationPlan[],
  occurrences: readonly Occurrence[],
  occurrence: Occurrence,
): ConversationPlan | undefined => plansHeldBy(plans, occurrences, occurrence).at(-1);
