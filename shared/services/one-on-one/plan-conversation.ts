import {
  hasTrustedRoles,
  checkConversationChoice,
  conversationFor,
  conversationPlanIdOf,
  err,
  isBefore,
  isLive,
  ok,
  plansHeldBy,
  utc,
  type ConversationPlan,
  type Occurrence,
  type Pair,
  type Result,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';
import type { Actor, OneOnOneDeps } from './deps.js';
import { pairOccurrences } from './occurrences.js';

export type PlanConversationError =
  | { readonly code: 'NOT_MANAGER' }
  /** The 1:1 it was for is not a live one of the pair still ahead. */
  | { readonly code: 'NOT_AHEAD' }
  | { readonly code: 'INVALID'; readonly reason: string };

export interface PlannedConversation {
  /** The plan as stored now; none when the manager removed it. */
  readonly plan: ConversationPlan | undefined;
  readonly occurrence: Occurrence;
}

/**
 * The 1:1 a conversation planned from the agenda of `from` is for: the pair's next live one after it.
 * None when the calendar has no later one yet.
 */
export async function occurrenceAfter(
  store: Store,
  pairId: string,
  from: Occurrence,
): Promise<Occurrence | undefined> {
  return (await pairOccurrences(store, pairId)).find(
    (o) => isLive(o) && o.id !== from.id && isBefore(from.start, o.start),
  );
}

/** The career or promotion conversation `occurrence` carries, if the manager planned one. */
export async function conversationOf(
  store: Store,
  pairId: string,
  occurrence: Occurrence,
  /** The pair's occurrences, when the caller has read them already. */
  occurrences?: readonly Occurrence[],
): Promise<ConversationPlan | undefined> {
  const plans = await pairDocs(store, pairId, 'conversationPlan');
  if (plans.length === 0) return undefined;
  return conversationFor(plans, occurrences ?? (await pairOccurrences(store, pairId)), occurrence);
}

/**
 * The 1:1s that held a planned conversation, each once: the first live occurrence on or after each plan's.
 * Their summaries record the goal of their quarter's growth plan.
 */
export async function conversationOccurrences(store: Store, pairId: string): Promise<Occurrence[]> {
  const plans = await pairDocs(store, pairId, 'conversationPlan');
  if (plans.length === 0) return [];
  const occurrences = await pairOccurrences(store, pairId);
  return occurrences.filter((o) => isLive(o) && conversationFor(plans, occurrences, o) !== undefined);
}

/**
 * Plans (or changes, or with `none` removes) the career or promotion conversation of one 1:1 still
 * ahead. Only the pair's manager plans one: the report asks for one with a topic. A refused choice
 * stores nothing; planning the same again changes nothing.
 */
export async function planConversation(
  deps: OneOnOneDeps,
  actor: Actor,
  pair: Pair,
  request: {
    readonly occurrenceId: string;
    readonly kind?: string | undefined;
    readonly role?: string | undefined;
  },
): Promise<Result<PlannedConversation, PlanConversationError>> {
  if (pair.managerEmail !== actor.email.toLowerCase() || !hasTrustedRoles(pair))
    return err({ code: 'NOT_MANAGER' });
  const now = utc(deps.clock.now());
  const found = await deps.store.pairs.get(pair.pairId, request.occurrenceId);
  if (found?.doc.type !== 'occurrence' || !isLive(found.doc) || !isBefore(now, found.doc.start))
    return err({ code: 'NOT_AHEAD' });
  const occurrence = found.doc;
  const choice = checkConversationChoice(request);
  if (!choice.ok) return err({ code: 'INVALID', reason: choice.error });
  const id = conversationPlanIdOf(occurrence.id);
  if (choice.value.kind === 'none') {
    // every plan this 1:1 holds, one moved here from a cancelled 1:1 too
    const plans = await pairDocs(deps.store, pair.pairId, 'conversationPlan');
    const held = plansHeldBy(plans, await pairOccurrences(deps.store, pair.pairId), occurrence);
    for (const plan of held) await deps.store.pairs.delete(pair.pairId, plan.id);
    return ok({ plan: undefined, occurrence });
  }
  const existing = await deps.store.pairs.get(pair.pairId, id);
  const previous = existing?.doc.type === 'conversationPlan' ? existing.doc : undefined;
  const plan: ConversationPlan = {
    type: 'conversationPlan',
    id,
    pairId: pair.pairId,
    occurrenceId: occurrence.id,
    occurrenceStart: occurrence.originalStart,
    kind: choice.value.kind,
    ...(choice.value.kind === 'promotion' ? { role: choice.value.role } : {}),
    plannedByEmail: pair.managerEmail,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  const same = previous !== undefined && previous.kind === plan.kind && previous.role === plan.role;
  if (!same) await deps.store.pairs.upsert(plan);
  return ok({ plan: same ? previous : plan, occurrence });
}
