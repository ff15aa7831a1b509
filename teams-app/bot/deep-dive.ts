import {
  docId,
  hasTrustedRoles,
  isLive,
  utc,
  UserText,
  type Pair,
  type User,
} from '../../shared/domain/index.js';
import type { DeepDiveView } from '../../shared/services/delivery/card-renderer.js';
import { refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import {
  recordCheckpointNote,
  type CheckpointNoteError,
} from '../../shared/services/one-on-one/checkpoint-note.js';
import { GROWTH_GOAL_CARD_CHARS } from '../cards/agenda-limits.js';
import type { CardAction } from '../cards/card-action.js';
import { CHECKPOINT_NOTE_INPUT, type CardDataOf } from '../cards/card-data.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { cut, dateLabel } from './present.js';
import type { Names } from './names.js';

type SubmitDeepDiveData = Extract<CardAction, { verb: 'submitDeepDive' }>['data'];

type AnswerField = 'makeItTen' | 'learning' | 'career';
/** The free-text answers, with the question each one answers (as the card asks it, shortened). */
const ANSWERS: readonly (readonly [AnswerField, string])[] = [
  ['makeItTen', 'What would make it a 10?'],
  ['learning', 'What did you learn this month?'],
  ['career', 'Are you still excited about your path?'],
];

/** The deep-dive card's data: the manager's name, and the growth checkpoint it asks about, if any. */
export function deepDiveData(view: DeepDiveView, names: Names): CardDataOf<'deepDive'> {
  const { pair, asked } = view;
  return {
    pairId: pair.pairId,
    occurrenceId: view.occurrenceId,
    managerName: names.get(pair.managerEmail) ?? pair.managerEmail,
    month: view.month,
    ...(asked === undefined
      ? {}
      : {
          growth: {
            goal: cut(asked.plan.goal, GROWTH_GOAL_CARD_CHARS),
            checkpointLabel: dateLabel(asked.date),
            quarter: asked.plan.quarter,
            index: asked.index,
            note: cut(asked.plan.checkpoints[asked.index]?.note ?? '', CHECKPOINT_NOTE_INPUT),
          },
        }),
  };
}

/**
 * "Submit" on the deep-dive card (the caller checked the presser is one of the pair). A checkpoint note
 * goes into the pair's growth plan first, checked like a save of the plan: a refused note stores
 * nothing, not even the answers. The manager's agenda of that 1:1 is then refreshed, as it shows shared
 * answers and the plan.
 */
export async function onSubmitDeepDive(
  deps: BotDeps,
  user: User,
  pair: Pair,
  data: SubmitDeepDiveData,
): Promise<Reply> {
  if (pair.reportEmail !== user.email || !hasTrustedRoles(pair))
    return { text: 'Only the report answers the monthly deep dive. Nothing was saved.' };
  const found = await deps.store.pairs.get(pair.pairId, data.occurrenceId);
  if (found?.doc.type !== 'occurrence' || !isLive(found.doc))
    return { text: 'That 1:1 is no longer on the calendar. Nothing was saved.' };
  // Every answer is checked before anything is stored: one refused answer refuses the whole submit
  // (as chat does), never a reply that says "saved" over answers that were dropped.
  const answers: Partial<Record<AnswerField, string>> = {};
  for (const [field, question] of ANSWERS) {
    if (data[field] === undefined) continue; // not answered
    const parsedText = UserText(2000).safeParse(data[field]);
    if (!parsedText.success)
      return {
        text: `I could not save your answers: "${question}" ${parsedText.error.issues[0]?.message ?? 'is invalid'}. Nothing was saved.`,
      };
    answers[field] = parsedText.data;
  }
  if (data.checkpoint !== undefined) {
    const { quarter, index, checkpoint: note } = data;
    const recorded = await recordCheckpointNote(deps, user, {
      pair,
      occurrence: found.doc,
      quarter,
      index,
      note,
    });
    if (!recorded.ok) return { text: refusal(recorded.error) };
  }
  const now = utc(deps.clock.now());
  await deps.store.pairs.upsert({
    type: 'deepDiveAnswer',
    id: docId('deepDive', data.occurrenceId),
    pairId: pair.pairId,
    occurrenceId: data.occurrenceId,
    reportEmail: user.email,
    authorUserId: user.userId,
    happiness: data.happiness,
    ...answers,
    shared: data.share,
    createdAt: now,
    updatedAt: now,
  });
  // The manager's agenda of that 1:1 shows shared answers: it changes either way (shared or not any more).
  // A checkpoint note shows on both agendas of the deep dive: the report's changes too.
  await refreshAgendaCards(deps, pair, found.doc, data.checkpoint === undefined ? user.userId : undefined);
  const noted =
    data.checkpoint === undefined ? '' : ' Your checkpoint note is in the growth plan you both see.';
  return {
    text: data.share
      ? `Thank you. Your answers are shared with your manager.${noted}`
      : `Thank you. Your answers are saved and kept private to you.${noted}`,
  };
}

/** Why a checkpoint note was refused, for the report; nothing of the submit was stored. */
function refusal(error: CheckpointNoteError): string {
  switch (error.code) {
    case 'INVALID':
      return `I could not record that: ${error.reason} Nothing was saved.`;
    case 'WRONG_CHECKPOINT':
      return 'That checkpoint is not the one this deep dive asks about. Nothing was saved.';
    case 'CONFLICT':
      return 'The growth plan was saved at the same moment. Nothing was saved: submit again.';
    case 'NOT_MEMBER':
      return 'That 1:1 is not one of yours. Nothing was changed.';
  }
}
