import {
  checkpointDates,
  nextQuarter,
  quarterFor,
  type Pair,
  type QuarterChoice,
  type User,
} from '../../shared/domain/index.js';
import { otherOf } from '../../shared/services/people.js';
import {
  currentQuarter,
  growthPlanOf,
  saveGrowthPlan,
} from '../../shared/services/one-on-one/save-growth-plan.js';
import type { CardAction } from '../cards/card-action.js';
import { CHECKPOINT_NOTE_INPUT, GROWTH_TEXT_INPUT } from '../cards/card-data.js';
import { refreshAgendaCards, refreshConversationSummaries } from '../../shared/services/delivery/cards.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { cut, dateLabel, quarterLabel } from './present.js';
import { nameOf } from './names.js';

type SaveGrowthPlanData = Extract<CardAction, { verb: 'saveGrowthPlan' }>['data'];

interface Typed {
  readonly goal?: string | undefined;
  readonly support?: string | undefined;
  readonly evidence?: string | undefined;
  readonly notes?: readonly (string | undefined)[] | undefined;
}

/**
 * The growth plan card of `pair` for `quarter` as `viewer` sees it: prefilled with the stored plan, or
 * with what was typed when a save was refused.
 */
export async function growthPlanCard(
  deps: BotDeps,
  pair: Pair,
  viewer: User,
  quarter: string,
  options: { readonly problem?: string; readonly typed?: Typed } = {},
) {
  const plan = await growthPlanOf(deps.store, pair.pairId, quarter);
  const shown: Typed = options.typed ?? {
    goal: plan?.goal,
    support: plan?.support,
    evidence: plan?.evidence,
    notes: plan?.checkpoints.map((c) => c.note),
  };
  const text = (value: string | undefined) => cut(value ?? '', GROWTH_TEXT_INPUT);
  const note = (index: number) => cut(shown.notes?.[index] ?? '', CHECKPOINT_NOTE_INPUT);
  const [first, second, third] = checkpointDates(quarter).map((date) => `Checkpoint ${dateLabel(date)}`);
  return deps.renderCard('growthPlan', {
    pairId: pair.pairId,
    quarter,
    quarterLabel: quarterLabel(quarter),
    otherName: await nameOf(deps.store, otherOf(pair, viewer.email)),
    state: plan === undefined ? 'new' : 'saved',
    ...(plan === undefined ? {} : { savedBy: await nameOf(deps.store, plan.updatedByEmail) }),
    ...(options.problem === undefined ? {} : { problem: options.problem }),
    goal: text(shown.goal),
    support: text(shown.support),
    evidence: text(shown.evidence),
    checkpoint1Label: first ?? 'Checkpoint 1',
    checkpoint2Label: second ?? 'Checkpoint 2',
    checkpoint3Label: third ?? 'Checkpoint 3',
    checkpoint1: note(0),
    checkpoint2: note(1),
    checkpoint3: note(2),
  });
}

/**
 * The `growth` command: the plan of the quarter it is now (in the pair's zone), or of the quarter named,
 * up to the next one.
 */
export async function openGrowthPlan(
  deps: BotDeps,
  pair: Pair,
  viewer: User,
  choice?: QuarterChoice,
): Promise<Reply> {
  const current = await currentQuarter(deps, pair);
  const quarter = quarterFor(choice, current);
  if (!quarter.ok)
    return {
      text: `A growth plan reaches one quarter ahead at most: "growth next" opens ${quarterLabel(nextQuarter(current))}.`,
    };
  return { card: await growthPlanCard(deps, pair, viewer, quarter.value) };
}

/**
 * "Save" on the growth plan card (the caller checked that the presser is one of the pair): creates or
 * edits the pair's plan for the card's quarter, then updates both agenda cards of the next 1:1. A
 * refused text comes back on the card with the reason, and nothing is stored.
 */
export async function onSaveGrowthPlan(
  deps: BotDeps,
  user: User,
  pair: Pair,
  data: SaveGrowthPlanData,
): Promise<Reply> {
  const typed = {
    goal: data.goal,
    support: data.support,
    evidence: data.evidence,
    notes: [data.checkpoint1, data.checkpoint2, data.checkpoint3],
  };
  const saved = await saveGrowthPlan(deps, user, { pairId: pair.pairId, quarter: data.quarter, ...typed });
  if (!saved.ok) {
    switch (saved.error.code) {
      case 'INVALID':
        return {
          card: await growthPlanCard(deps, pair, user, data.quarter, { problem: saved.error.reason, typed }),
        };
      case 'QUARTER_OUT_OF_RANGE':
        return {
          text: `A growth plan reaches one quarter ahead at most (${quarterLabel(saved.error.latest)}), and none before 2000. Nothing was saved.`,
        };
      case 'CONFLICT':
        return {
          text: `${await nameOf(deps.store, otherOf(pair, user.email))} saved the plan at the same moment; theirs stands. Type "growth" to see it and edit again.`,
        };
      case 'NO_UPCOMING_1ON1':
      case 'NOT_MEMBER':
      case 'NO_PAIR':
      case 'AMBIGUOUS_PAIR':
        return { text: 'That 1:1 is not one of yours. Nothing was changed.' };
    }
  }
  const { occurrence } = saved.value;
  if (occurrence !== undefined) await refreshAgendaCards(deps, saved.value.pair, occurrence);
  await refreshConversationSummaries(deps, saved.value.pair, data.quarter);
  return { card: await growthPlanCard(deps, pair, user, data.quarter) };
}
