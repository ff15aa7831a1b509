import { NOTE_MAX_LENGTH, type Pair, type User } from '../../shared/domain/index.js';
import { dueDateError, withText } from '../../shared/domain/command-parts.js';
import { otherOf } from '../../shared/services/people.js';
import { agendaCard, refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import { addItem, type NewItem } from '../../shared/services/one-on-one/add-item.js';
import type { CardAction } from '../cards/card-action.js';
import type { BotDeps, CardReply } from './bot-deps.js';
import { NOT_STORED } from './pair-problem.js';

type DataOf<V extends CardAction['verb']> = Extract<CardAction, { verb: V }>['data'];

/**
 * The agenda's inputs, checked as their chat commands are (`add`, `note`/`private`, `action`): the
 * same limits, the same text rules, a due date as `by` takes it. The item lands where the command's
 * would, on the pair's meeting in progress or next; the presser's card is replaced by the agenda
 * updated, and the other person's is updated in place unless the item is private.
 */
export async function onAddFromCard(
  deps: BotDeps,
  user: User,
  pair: Pair,
  requestId: string,
  action: Extract<CardAction, { verb: 'addTopic' | 'addNote' | 'addAction' }>,
): Promise<CardReply> {
  const item = itemOf(action, pair, user);
  if ('refused' in item) return { text: `${item.refused} Nothing was saved.` };
  const added = await addItem(deps, user, { requestId, pairId: pair.pairId, item });
  if (!added.ok)
    return {
      text: added.error.code === 'NOT_STORED' ? NOT_STORED : 'There is no upcoming 1:1 to add it to.',
    };
  if (item.type !== 'note' || item.visibility === 'shared')
    await refreshAgendaCards(deps, added.value.pair, added.value.occurrence, user.userId);
  return { card: await agendaCard(deps, added.value.pair, added.value.occurrence, user) };
}

function itemOf(
  action: Extract<CardAction, { verb: 'addTopic' | 'addNote' | 'addAction' }>,
  pair: Pair,
  user: User,
): NewItem | { refused: string } {
  switch (action.verb) {
    case 'addTopic':
      return typed(action.data.topic, 'topic', 500, (text) => ({ type: 'topic', text }));
    case 'addNote':
      return typed(action.data.note, 'note', NOTE_MAX_LENGTH, (text) => ({
        type: 'note',
        text,
        visibility: action.data.private ? 'private' : 'shared',
      }));
    case 'addAction':
      return actionItem(action.data, pair, user);
  }
}

function actionItem(data: DataOf<'addAction'>, pair: Pair, user: User): NewItem | { refused: string } {
  const refused = data.due === undefined ? undefined : dueDateError(data.due.trim());
  if (refused?.code === 'INVALID_DATE')
    return { refused: `The due date must be a date like 2026-03-20 (got "${refused.given}").` };
  return typed(data.action, 'action item', 500, (text) => ({
    type: 'actionItem',
    text,
    ...(data.owner === 'other' ? { owner: otherOf(pair, user.email) } : {}),
    ...(data.due === undefined ? {} : { due: data.due.trim() }),
  }));
}

/** `text` checked as the chat checks a command's text (`withText`): present, plain, within `max` characters. */
function typed(
  text: string | undefined,
  what: string,
  max: number,
  make: (text: string) => NewItem,
): NewItem | { refused: string } {
  const checked = withText(what, text ?? '', max, make);
  if (checked.ok) return checked.value;
  return {
    refused:
      checked.error.code === 'INVALID_TEXT'
        ? `I could not save that ${what}: it ${checked.error.reason}.`
        : `Write the ${what} first.`,
  };
}
