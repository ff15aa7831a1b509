import { utc, type User } from '../../shared/domain/index.js';
import { markById } from '../../shared/services/one-on-one/mark-done.js';
import { currentOrNextOccurrence } from '../../shared/services/one-on-one/occurrences.js';
import { isMember } from '../../shared/services/people.js';
import { agendaCard, refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import type { BotDeps, CardReply } from './bot-deps.js';
import { onAddFromCard } from './card-items.js';
import { parseCardAction } from './card-action.js';
import { onPlanConversation, openPlanConversation } from './conversation.js';
import { onSubmitDeepDive } from './deep-dive.js';
import { eraseMe } from './erase.js';
import { onSaveFeedback } from './feedback.js';
import { onSaveGrowthPlan } from './growth-plan.js';
import { onNotHeld } from './not-held.js';
import { runCommand } from './commands.js';
import { onMessage } from './on-message.js';
import { onConfirmRoles } from './roles.js';

/**
 * A card button. The presser's card is replaced by the reply (a refreshed agenda, or a message);
 * the other participant's agenda card is updated in place. A presser outside the pair is refused
 * and nothing changes.
 */
export async function onCardAction(
  deps: BotDeps,
  user: User,
  value: unknown,
  requestId: string,
): Promise<CardReply> {
  const parsed = parseCardAction(value);
  if (!parsed.ok)
    return { text: `That button sent something I cannot use (${parsed.reason}). Nothing was changed.` };
  const { action } = parsed;
  if (action.verb === 'eraseMe') return eraseMe(deps, user);
  const pair = await deps.store.pairs.get(action.data.pairId, 'pair');
  if (pair?.doc.type !== 'pair' || !isMember(pair.doc, user.email))
    return { text: 'That 1:1 is not one of yours. Nothing was changed.' };
  switch (action.verb) {
    case 'choosePair':
      return onMessage(deps, user, action.data.command, requestId, action.data.pairId);
    case 'addTopic':
    case 'addNote':
    case 'addAction':
      return onAddFromCard(deps, user, pair.doc, requestId, action);
    case 'markCovered':
    case 'markDone': {
      const target =
        action.verb === 'markCovered'
          ? { pairId: pair.doc.pairId, id: action.data.topicId, type: 'topic' as const }
          : { pairId: pair.doc.pairId, id: action.data.actionItemId, type: 'actionItem' as const };
      const marked = await markById(deps, user, target);
      if (!marked.ok) return { text: 'I could not find that item any more. Nothing was changed.' };
      const occurrence = await currentOrNextOccurrence(deps.store, pair.doc.pairId, utc(deps.clock.now()));
      if (occurrence === undefined) return { text: `Done: ${marked.value.item.text}` };
      await refreshAgendaCards(deps, pair.doc, occurrence, user.userId);
      return { card: await agendaCard(deps, pair.doc, occurrence, user) };
    }
    case 'open': {
      // The card opens as a new message; the agenda stays as it is, with a word beside it.
      const context = { deps, user, requestId, pairId: pair.doc.pairId };
      const opened =
        action.data.card === 'planConversation'
          ? await openPlanConversation(deps, user, pair.doc, action.data.occurrenceId)
          : action.data.card === 'feedback'
            ? await runCommand(context, 'feedback', { kind: 'feedback' })
            : await runCommand(context, 'growth', { kind: 'growth' });
      return 'card' in opened ? { text: 'It is in the chat below.', post: opened } : opened;
    }
    case 'planConversation':
      return onPlanConversation(deps, user, pair.doc, action.data);
    case 'saveFeedback':
      return onSaveFeedback(deps, user, pair.doc, action.data);
    case 'saveGrowthPlan':
      return onSaveGrowthPlan(deps, user, pair.doc, action.data);
    case 'confirmRoles':
      return onConfirmRoles(deps, user, action.data);
    case 'submitDeepDive':
      return onSubmitDeepDive(deps, user, pair.doc, action.data);
    case 'notHeld':
      return onNotHeld(deps, user, action.data);
  }
}
