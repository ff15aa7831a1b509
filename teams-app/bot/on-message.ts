import { parseCommand, utc, type Command, type User } from '../../shared/domain/index.js';
import { addItem, type AddItemError } from '../../shared/services/one-on-one/add-item.js';
import { markDoneByNumber, setTracking } from '../../shared/services/one-on-one/mark-done.js';
import { currentOrNextOccurrence } from '../../shared/services/one-on-one/occurrences.js';
import type { PairError } from '../../shared/services/one-on-one/pair-errors.js';
import { resolvePair } from '../../shared/services/one-on-one/resolve-pair.js';
import { agendaCard, refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { pairLabel } from './present.js';
import { confirmErase } from './erase.js';
import { offerExport } from './export.js';
import { feedbackCard } from './feedback.js';
import { openGrowthPlan } from './growth-plan.js';
import { digestReply } from './trust-digest.js';
import { feedbackIdOf } from '../../shared/services/one-on-one/save-feedback.js';
import { HELP_HINT, explainCommandError } from './replies.js';

/**
 * A chat message: parse the command, act through the 1:1 services, answer. Every path answers;
 * a rejected input stores nothing. `requestId` is the message's activity id: a redelivery of the
 * same message adds nothing twice.
 */
export async function onMessage(
  deps: BotDeps,
  user: User,
  text: string,
  requestId: string,
  pairId?: string,
): Promise<Reply> {
  const command = parseCommand(text);
  if (!command.ok) {
    return command.error.code === 'UNKNOWN'
      ? { card: deps.renderCard('help', {}) }
      : { text: explainCommandError(command.error) };
  }
  return run(deps, user, command.value, replayOf(command.value), requestId, pairId);
}

/**
 * The message "which 1:1?" runs again once a pair is chosen, written the way the parser reads it back to
 * the same command: only what the command uses (whatever else was typed changes nothing, and could be
 * long), so it always fits the card.
 */
function replayOf(command: Command): string {
  switch (command.kind) {
    case 'addTopic':
      return `add ${command.text}`;
    case 'note':
      return `${command.visibility === 'private' ? 'private' : 'note'} ${command.text}`;
    case 'action':
      return [
        'action',
        ...(command.owner === undefined ? [] : [`@${command.owner}`]),
        command.text,
        ...(command.due === undefined ? [] : [`by ${command.due}`]),
      ].join(' ');
    case 'feedback':
      return command.behavior === undefined ? 'feedback' : `feedback ${command.behavior}`;
    case 'help':
    case 'agenda':
    case 'digest':
    case 'export':
      return command.kind;
    case 'erase':
      return 'delete my data';
    case 'tracking':
      return command.tracking === 'paused' ? 'pause' : 'resume';
    case 'growth':
      return command.quarter === undefined ? 'growth' : `growth ${command.quarter}`;
    case 'done':
      return `done ${command.number}`;
  }
}

async function run(
  deps: BotDeps,
  user: User,
  command: Command,
  text: string,
  requestId: string,
  pairId?: string,
): Promise<Reply> {
  switch (command.kind) {
    case 'help':
      return { card: deps.renderCard('help', {}) };
    case 'agenda': {
      const pair = await resolvePair(deps, user, pairId);
      if (!pair.ok) return pairProblem(deps, user, pair.error, text);
      const occurrence = await currentOrNextOccurrence(deps.store, pair.value.pairId, utc(deps.clock.now()));
      if (occurrence === undefined) return { text: noUpcoming() };
      return { card: await agendaCard(deps, pair.value, occurrence, user) };
    }
    case 'feedback': {
      const pair = await resolvePair(deps, user, pairId);
      if (!pair.ok) return pairProblem(deps, user, pair.error, text);
      const occurrence = await currentOrNextOccurrence(deps.store, pair.value.pairId, utc(deps.clock.now()));
      if (occurrence === undefined) return { text: noUpcoming() };
      // The card's feedback id comes from this message: one card, one feedback, however often it is saved.
      return {
        card: await feedbackCard(deps, pair.value, user, feedbackIdOf(requestId), {
          ...(command.behavior === undefined ? {} : { parts: { behavior: command.behavior } }),
        }),
      };
    }
    case 'growth': {
      // The pair's plan, not tied to an occurrence: it opens even with no 1:1 on the calendar.
      const pair = await resolvePair(deps, user, pairId);
      if (!pair.ok) return pairProblem(deps, user, pair.error, text);
      return openGrowthPlan(deps, pair.value, user, command.quarter);
    }
    case 'digest':
      // The person's own digest, over the pairs they manage: no pair to choose, nothing about anyone else.
      return digestReply(deps, user);
    case 'addTopic':
    case 'note':
    case 'action': {
      const item =
        command.kind === 'addTopic'
          ? { type: 'topic' as const, text: command.text }
          : command.kind === 'note'
            ? { type: 'note' as const, text: command.text, visibility: command.visibility }
            : {
                type: 'actionItem' as const,
                text: command.text,
                ...(command.owner === undefined ? {} : { owner: command.owner }),
                ...(command.due === undefined ? {} : { due: command.due }),
              };
      const added = await addItem(deps, user, {
        requestId,
        item,
        ...(pairId === undefined ? {} : { pairId }),
      });
      if (!added.ok) return pairProblem(deps, user, added.error, text);
      if (added.value.item.type !== 'note' || added.value.item.visibility === 'shared') {
        await refreshAgendaCards(deps, added.value.pair, added.value.occurrence);
      }
      const on = `your 1:1 on ${added.value.occurrence.start.slice(0, 10)}`;
      switch (added.value.item.type) {
        case 'topic':
          return { text: `Added to the agenda of ${on}: ${added.value.item.text}` };
        case 'note':
          return {
            text:
              added.value.item.visibility === 'private'
                ? `Private note saved on ${on}. Only you will ever see it.`
                : `Note saved on ${on}; you both see it in the summary.`,
          };
        case 'actionItem':
          return {
            text: `Action item for ${added.value.item.ownerEmail}${added.value.item.due ? ` by ${added.value.item.due}` : ''}: ${added.value.item.text}`,
          };
        default:
          return { text: HELP_HINT };
      }
    }
    case 'done': {
      const done = await markDoneByNumber(deps, user, {
        number: command.number,
        ...(pairId === undefined ? {} : { pairId }),
      });
      if (!done.ok) {
        if (done.error.code === 'NOT_FOUND')
          return {
            text: `There is no open action item number ${command.number}. Type "agenda" to see them numbered.`,
          };
        return pairProblem(deps, user, done.error, text);
      }
      const occurrence = await currentOrNextOccurrence(
        deps.store,
        done.value.pair.pairId,
        utc(deps.clock.now()),
      );
      if (occurrence) await refreshAgendaCards(deps, done.value.pair, occurrence);
      return { text: `Done: ${done.value.item.text}` };
    }
    case 'erase':
      return confirmErase(deps, user);
    case 'export':
      return offerExport(deps, user);
    case 'tracking': {
      const changed = await setTracking(deps, user, {
        tracking: command.tracking,
        ...(pairId === undefined ? {} : { pairId }),
      });
      if (!changed.ok) return pairProblem(deps, user, changed.error, text);
      const label = await pairLabel(deps.store, changed.value, user.email);
      return {
        text:
          command.tracking === 'paused'
            ? `Paused: no agendas or summaries for your ${label} until you type "resume".`
            : `Resumed: agendas and summaries for your ${label} are back on.`,
      };
    }
  }
}

async function pairProblem(
  deps: BotDeps,
  user: User,
  error: PairError | AddItemError,
  text: string,
): Promise<Reply> {
  switch (error.code) {
    case 'NO_PAIR':
      return {
        text: 'I have not found a recurring 1:1 on your calendar yet. Steady follows 1:1s with exactly two people; it can take a minute after you install.',
      };
    case 'AMBIGUOUS_PAIR': {
      const options = await Promise.all(
        error.pairs.map(async (pair) => ({
          pairId: pair.pairId,
          label: await pairLabel(deps.store, pair, user.email),
        })),
      );
      return { card: deps.renderCard('choosePair', { command: text, options }) };
    }
    case 'NOT_MEMBER':
      return { text: 'That 1:1 is not one of yours.' };
    case 'NO_UPCOMING_1ON1':
      return { text: noUpcoming() };
    case 'UNKNOWN_OWNER':
      return {
        text: `"${error.given}" is not one of the two people of this 1:1. Use @ with their name or email, or leave it out to own it yourself.`,
      };
    case 'NOT_STORED':
      return { text: NOT_STORED };
  }
}

/** A write that did not happen is never answered as done. */
export const NOT_STORED = 'I could not save that just now, and nothing was saved. Please send it again.';

const noUpcoming = () =>
  'There is no upcoming 1:1 on the calendar for this pair, so there is nothing to add to yet.';
