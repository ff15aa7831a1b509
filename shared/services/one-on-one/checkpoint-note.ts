import {
  checkCheckpointNote,
  checkpointBefore,
  dayOf,
  err,
  growthPlanIdOf,
  ok,
  utc,
  type GrowthPlan,
  type Occurrence,
  type Pair,
  type Result,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { isMember, pairTimeZone } from '../people.js';
import type { Actor, OneOnOneDeps } from './deps.js';

/** The checkpoint a deep dive asks about, in the plan that holds it. */
export interface DeepDiveCheckpoint {
  readonly plan: GrowthPlan;
  readonly etag: string;
  readonly index: 0 | 1 | 2;
  readonly date: string;
}

/**
 * What the deep dive of `occurrence` asks about the growth plan: the last checkpoint before the day of
 * the 1:1 (in the pair's zone), in the plan of that checkpoint's quarter. None when that plan was never
 * written: the deep dive then asks nothing about growth.
 */
export async function deepDiveCheckpoint(
  store: Store,
  pairId: string,
  occurrence: Pick<Occurrence, 'start'>,
  /** The pair's time zone (`pairTimeZone`). */
  timeZone: string,
): Promise<DeepDiveCheckpoint | undefined> {
  const { quarter, index, date } = checkpointBefore(dayOf(occurrence.start, timeZone));
  const found = await store.pairs.get(pairId, growthPlanIdOf(quarter));
  if (found?.doc.type !== 'growthPlan') return undefined;
  return { plan: found.doc, etag: found.etag, index, date };
}

export type CheckpointNoteError =
  | { readonly code: 'NOT_MEMBER' }
  /** The quarter and index sent are not the checkpoint this deep dive asks about (or there is no plan). */
  | { readonly code: 'WRONG_CHECKPOINT' }
  | { readonly code: 'INVALID'; readonly reason: string }
  /** The plan was saved at the same moment: that save stands, this note was not stored. */
  | { readonly code: 'CONFLICT' };

/**
 * Records the progress note written on the deep dive of `occurrence` into the checkpoint it asks about,
 * with the same rules as saving the plan: a member of the pair writes it, and it is checked before
 * anything is stored. `quarter` and `index` came from the card, so they must name exactly that checkpoint.
 * The same note again writes nothing, so a repeated submit changes nothing.
 */
export async function recordCheckpointNote(
  deps: OneOnOneDeps,
  actor: Actor,
  request: {
    readonly pair: Pair;
    readonly occurrence: Pick<Occurrence, 'start'>;
    readonly quarter: string | undefined;
    readonly index: number | undefined;
    readonly note: string;
  },
): Promise<Result<GrowthPlan, CheckpointNoteError>> {
  const { pair, occurrence, quarter, index } = request;
  if (!isMember(pair, actor.email)) return err({ code: 'NOT_MEMBER' });
  const asked = await deepDiveCheckpoint(
    deps.store,
    pair.pairId,
    occurrence,
    await pairTimeZone(deps.store, pair),
  );
  if (asked === undefined || asked.plan.quarter !== quarter || asked.index !== index)
    return err({ code: 'WRONG_CHECKPOINT' });
  const note = checkCheckpointNote(request.note);
  if (!note.ok) return err({ code: 'INVALID', reason: note.error });
  const { plan } = asked;
  if (plan.checkpoints[asked.index]?.note === note.value) return ok(plan);
  const updated: GrowthPlan = {
    ...plan,
    checkpoints: plan.checkpoints.map((checkpoint, at) =>
      at === asked.index ? { date: checkpoint.date, note: note.value } : checkpoint,
    ),
    updatedByEmail: actor.email.toLowerCase(),
    updatedAt: utc(deps.clock.now()),
  };
  const written = await deps.store.pairs.replace(updated, asked.etag);
  return written.ok ? ok(updated) : err({ code: 'CONFLICT' });
}
