import { utc, type Command, type Pair, type User } from '../../shared/domain/index.js';
import { agendaCard, refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import { addItem, type NewItem } from '../../shared/services/one-on-one/add-item.js';
import { markDoneByNumber, setTracking } from '../../shared/services/one-on-one/mark-done.js';
import { currentOrNextOccurrence } from '../../shared/services/one-on-one/occurrences.js';
import { resolvePair } from '../../shared/services/one-on-one/resolve-pair.js';
import { feedbackIdOf } from '../../shared/services/one-on-one/save-feedback.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { confirmErase } from './erase.js';
import { offerExport } from './export.js';
import { feedbackCard } from './feedback.js';
import { openGrowthPlan } from './growth-plan.js';
import { noUpcoming, pairProblem } from './pair-problem.js';
import { nameOf, pairLabel } from './names.js';
import { addedReply } from './replies.js';
import { digestReply } from './trust-digest.js';

/** Who runs a command, and for which 1:1 when a card button or a "which 1:1?" pick named it. */
export interface CommandContext {
  readonly deps: BotDeps;
  readonly user: User;
  /** The message's or press's activity id: a redelivery adds nothing twice. */
  readonly requestId: string;
  readonly pairId?: string;
}

type Kind = Command['kind'];
type CommandOf = { [K in Kind]: Extract<Command, { readonly kind: K }> };
type Handlers = { readonly [K in Kind]: (context: CommandContext, command: CommandOf[K]) => Promise<Reply> };

/** Runs a command with its handler: the one way a chat message or a card button acts. */
export function runCommand<K extends Kind>(
  context: CommandContext,
  kind: K,
  command: CommandOf[K],
): Promise<Reply> {
  return handlers[kind](context, command);
}

/** The 1:1 a command is for (the one named, or the person's only one), then `act` on it. */
async function withPair(
  context: CommandContext,
  command: Command,
  act: (pair: Pair) => Promise<Reply>,
): Promise<Reply> {
  const pair = await resolvePair(context.deps, context.user, context.pairId);
  return pair.ok ? act(pair.value) : pairProblem(context.deps, context.user, pair.error, command);
}

/** One handler per command kind (shared/domain/command.ts lists the words that make each). */
const handlers: Handlers = {
  help: async ({ deps }) => ({ card: deps.renderCard('help', {}) }),
  agenda: (context, command) =>
    withPair(context, command, async (pair) => {
      const { deps, user } = context;
      const occurrence = await currentOrNextOccurrence(deps.store, pair.pairId, utc(deps.clock.now()));
      if (occurrence === undefined) return { text: noUpcoming() };
      return { card: await agendaCard(deps, pair, occurrence, user) };
    }),
  feedback: (context, command) =>
    withPair(context, command, async (pair) => {
      const { deps, user } = context;
      const occurrence = await currentOrNextOccurrence(deps.store, pair.pairId, utc(deps.clock.now()));
      if (occurrence === undefined) return { text: noUpcoming() };
      // The card's feedback id comes from this message: one card, one feedback, however often it is saved.
      return {
        card: await feedbackCard(deps, pair, user, feedbackIdOf(context.requestId), {
          ...(command.behavior === undefined ? {} : { parts: { behavior: command.behavior } }),
        }),
      };
    }),
  // The pair's plan, not tied to an occurrence: it opens even with no 1:1 on the calendar.
  growth: (context, command) =>
    withPair(context, command, (pair) => openGrowthPlan(context.deps, pair, context.user, command.quarter)),
  // The person's own digest, over the pairs they manage: no pair to choose, nothing about anyone else.
  digest: ({ deps, user }) => digestReply(deps, user),
  addTopic: (context, command) => addTo(context, command, { type: 'topic', text: command.text }),
  note: (context, command) =>
    addTo(context, command, { type: 'note', text: command.text, visibility: command.visibility }),
  action: (context, command) =>
    addTo(context, command, {
      type: 'actionItem',
      text: command.text,
      ...(command.owner === undefined ? {} : { owner: command.owner }),
      ...(command.due === undefined ? {} : { due: command.due }),
    }),
  done: async (context, command) => {
    const { deps, user, pairId } = context;
    const done = await markDoneByNumber(deps, user, {
      number: command.number,
      ...(pairId === undefined ? {} : { pairId }),
    });
    if (!done.ok) {
      if (done.error.code === 'NOT_FOUND')
        return {
          text: `There is no open action item number ${command.number}. Type "agenda" to see them numbered.`,
        };
      return pairProblem(deps, user, done.error, command);
    }
    const occurrence = await currentOrNextOccurrence(
      deps.store,
      done.value.pair.pairId,
      utc(deps.clock.now()),
    );
    if (occurrence) await refreshAgendaCards(deps, done.value.pair, occurrence);
    const label = await pairLabel(deps.store, done.value.pair, user.email);
    return { text: `Done, on your ${label}: ${done.value.item.text}` };
  },
  tracking: async (context, command) => {
    const { deps, user, pairId } = context;
    const changed = await setTracking(deps, user, {
      tracking: command.tracking,
      ...(pairId === undefined ? {} : { pairId }),
    });
    if (!changed.ok) return pairProblem(deps, user, changed.error, command);
    const label = await pairLabel(deps.store, changed.value, user.email);
    return {
      text:
        command.tracking === 'paused'
          ? `Paused: no agendas or summaries for your ${label} until you type "resume".`
          : `Resumed: agendas and summaries for your ${label} are back on.`,
    };
  },
  erase: ({ deps, user }) => confirmErase(deps, user),
  export: ({ deps, user }) => offerExport(deps, user),
};

/** Adds a topic, note or action item to the pair's current or next 1:1; shared ones update both agendas. */
async function addTo(context: CommandContext, command: Command, item: NewItem): Promise<Reply> {
  const { deps, user, requestId, pairId } = context;
  const added = await addItem(deps, user, { requestId, item, ...(pairId === undefined ? {} : { pairId }) });
  if (!added.ok) return pairProblem(deps, user, added.error, command);
  if (added.value.item.type !== 'note' || added.value.item.visibility === 'shared') {
    await refreshAgendaCards(deps, added.value.pair, added.value.occurrence);
  }
  const stored = added.value.item;
  const label = await pairLabel(deps.store, added.value.pair, user.email);
  const owner = stored.type === 'actionItem' ? await nameOf(deps.store, stored.ownerEmail) : '';
  return addedReply(added.value, label, owner, user.timeZone);
}
