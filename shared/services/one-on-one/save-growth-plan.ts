import {
  checkGrowthPlan,
  checkpointDates,
  err,
  growthPlanIdOf,
  nextQuarter,
  ok,
  parseQuarterChoice,
  quarterFor,
  quarterOf,
  utc,
  type GrowthPlan,
  type GrowthPlanProblem,
  type Occurrence,
  type Pair,
  type Result,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairTimeZone } from '../people.js';
import type { Actor, OneOnOneDeps } from './deps.js';
import { currentOrNextOccurrence } from './occurrences.js';
import type { PairError } from './pair-errors.js';
import { resolvePair } from './resolve-pair.js';

export type SaveGrowthPlanError =
  | PairError
  | ({ readonly code: 'INVALID' } & GrowthPlanProblem)
  /** A quarter chat would not open (before 2000, or beyond the next one): a forged card, stored nowhere. */
  | { readonly code: 'QUARTER_OUT_OF_RANGE'; readonly latest: string }
  /** The other person saved the plan at the same moment: theirs stands, nothing of this save was stored. */
  | { readonly code: 'CONFLICT'; readonly plan: GrowthPlan | undefined };

export interface SavedGrowthPlan {
  readonly pair: Pair;
  readonly plan: GrowthPlan;
  /** The pair's meeting in progress or next live one, whose agendas show the plan; none when none is on the calendar. */
  readonly occurrence: Occurrence | undefined;
}

/** The quarter it is now for `pair`, in the pair's time zone (the manager's). */
export async function currentQuarter(deps: OneOnOneDeps, pair: Pair): Promise<string> {
  return quarterOf(utc(deps.clock.now()), await pairTimeZone(deps.store, pair));
}

/** The pair's growth plan for `quarter`, if one was saved. */
export async function growthPlanOf(
  store: Store,
  pairId: string,
  quarter: string,
): Promise<GrowthPlan | undefined> {
  const found = await store.pairs.get(pairId, growthPlanIdOf(quarter));
  return found?.doc.type === 'growthPlan' ? found.doc : undefined;
}

/**
 * Creates or edits the pair's growth plan for `quarter` (the quarter the card was opened in). Either
 * person of the pair may save it; a refused text stores nothing. The checkpoint dates come from the
 * quarter, never from what was sent.
 */
export async function saveGrowthPlan(
  deps: OneOnOneDeps,
  actor: Actor,
  request: {
    readonly pairId: string;
    readonly quarter: string;
    readonly goal?: string | undefined;
    readonly support?: string | undefined;
    readonly evidence?: string | undefined;
    readonly notes?: readonly (string | undefined)[];
  },
): Promise<Result<SavedGrowthPlan, SaveGrowthPlanError>> {
  const pair = await resolvePair(deps, actor, request.pairId);
  if (!pair.ok) return pair;
  // the rule `growth <quarter>` applies in chat, applied here so a forged card cannot go around it
  const current = await currentQuarter(deps, pair.value);
  const choice = parseQuarterChoice(request.quarter);
  if (choice === undefined || choice !== request.quarter || !quarterFor(choice, current).ok)
    return err({ code: 'QUARTER_OUT_OF_RANGE', latest: nextQuarter(current) });
  const text = checkGrowthPlan(request);
  if (!text.ok) return err({ code: 'INVALID', ...text.error });
  const { pairId } = pair.value;
  const id = growthPlanIdOf(request.quarter);
  const existing = await deps.store.pairs.get(pairId, id);
  const previous = existing?.doc.type === 'growthPlan' ? existing.doc : undefined;
  const now = utc(deps.clock.now());
  const editor = actor.email.toLowerCase();
  const [notes, { goal, support, evidence }] = [text.value.notes, text.value];
  const plan: GrowthPlan = {
    type: 'growthPlan',
    id,
    pairId,
    quarter: request.quarter,
    goal,
    ...(support === undefined ? {} : { support }),
    ...(evidence === undefined ? {} : { evidence }),
    checkpoints: checkpointDates(request.quarter).map((date, index) => {
      const note = notes[index];
      return note === undefined ? { date } : { date, note };
    }),
    authorEmail: previous?.authorEmail ?? editor,
    updatedByEmail: editor,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  const written =
    existing === undefined
      ? await deps.store.pairs.create(plan)
      : await deps.store.pairs.replace(plan, existing.etag);
  if (!written.ok)
    return err({ code: 'CONFLICT', plan: await growthPlanOf(deps.store, pairId, request.quarter) });
  const occurrence = await currentOrNextOccurrence(deps.store, pairId, now);
  return ok({ pair: pair.value, plan, occurrence });
}
