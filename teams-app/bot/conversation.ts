import { hasTrustedRoles, type Occurrence, type Pair, type User } from '../../shared/domain/index.js';
import { otherOf } from '../../shared/services/people.js';
import {
  conversationOf,
  occurrenceAfter,
  planConversation,
} from '../../shared/services/one-on-one/plan-conversation.js';
import type { CardAction } from '../cards/card-action.js';
import type { PlanConversationData } from '../cards/card-data.js';
import { refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { when } from './present.js';
import { nameOf } from './names.js';

type PlanData = Extract<CardAction, { verb: 'planConversation' }>['data'];

const onlyManager: Reply = {
  text: 'Only the manager plans a career or promotion conversation. To ask for one, add it as a topic. Nothing was changed.',
};

/** The planning card for `occurrence`, as the manager sees it: what is planned now, or what was typed. */
async function planCard(
  deps: BotDeps,
  pair: Pair,
  viewer: User,
  occurrence: Occurrence,
  shown?: {
    readonly kind?: string | undefined;
    readonly role?: string | undefined;
    readonly problem: string;
  },
) {
  const plan = await conversationOf(deps.store, pair.pairId, occurrence);
  const kind = shown === undefined ? (plan?.kind ?? 'none') : shown.kind;
  const data: PlanConversationData = {
    pairId: pair.pairId,
    occurrenceId: occurrence.id,
    when: when(occurrence, viewer.timeZone),
    otherName: await nameOf(deps.store, otherOf(pair, viewer.email)),
    kind: kind === 'career' || kind === 'promotion' ? kind : 'none',
    role: (shown === undefined ? plan?.role : shown.role)?.slice(0, 100) ?? '',
    ...(shown === undefined ? {} : { problem: shown.problem }),
  };
  return deps.renderCard('planConversation', data);
}

/**
 * "Plan a career talk" on the manager's agenda of `fromOccurrenceId`: the planning card for the pair's
 * next 1:1 after it (a report pressing a forged button is refused).
 */
export async function openPlanConversation(
  deps: BotDeps,
  user: User,
  pair: Pair,
  fromOccurrenceId: string,
): Promise<Reply> {
  if (pair.managerEmail !== user.email || !hasTrustedRoles(pair)) return onlyManager;
  const from = await deps.store.pairs.get(pair.pairId, fromOccurrenceId);
  if (from?.doc.type !== 'occurrence') return { text: 'That 1:1 is no longer on the calendar.' };
  const next = await occurrenceAfter(deps.store, pair.pairId, from.doc);
  if (next === undefined)
    return {
      text: 'There is no 1:1 after this one on the calendar yet: plan the conversation from the next agenda.',
    };
  return { card: await planCard(deps, pair, user, next) };
}

/**
 * "Plan it" on the planning card: stores the choice for that 1:1 and updates both agenda cards of it
 * already sent. A refused choice comes back on the card with the reason, and nothing is stored.
 */
export async function onPlanConversation(
  deps: BotDeps,
  user: User,
  pair: Pair,
  data: PlanData,
): Promise<Reply> {
  const planned = await planConversation(deps, user, pair, data);
  if (!planned.ok) {
    switch (planned.error.code) {
      case 'NOT_MANAGER':
        return onlyManager;
      case 'NOT_AHEAD':
        return { text: 'That 1:1 is over or no longer on the calendar. Nothing was planned.' };
      case 'INVALID': {
        const found = await deps.store.pairs.get(pair.pairId, data.occurrenceId);
        if (found?.doc.type !== 'occurrence') return { text: planned.error.reason };
        return {
          card: await planCard(deps, pair, user, found.doc, {
            kind: data.kind,
            role: data.role,
            problem: planned.error.reason,
          }),
        };
      }
    }
  }
  await refreshAgendaCards(deps, pair, planned.value.occurrence);
  return { card: await planCard(deps, pair, user, planned.value.occurrence) };
}
