import {
  checkFeedback,
  docId,
  err,
  ok,
  utc,
  wroteFeedback,
  type Feedback,
  type FeedbackPart,
  type FeedbackProblem,
  type Occurrence,
  type Pair,
  type Result,
} from '../../domain/index.js';
import { otherOf } from '../people.js';
import type { Actor, OneOnOneDeps } from './deps.js';
import type { PairError } from './pair-errors.js';
import { currentOrNextOccurrence } from './occurrences.js';
import { resolvePair } from './resolve-pair.js';

export type SaveFeedbackError =
  | PairError
  | ({ readonly code: 'VAGUE' } & FeedbackProblem)
  /** The id names a document that is not this person's feedback. */
  | { readonly code: 'NOT_YOURS' }
  /** Shared feedback is not edited or taken back: the other person has it. */
  | { readonly code: 'ALREADY_SHARED'; readonly feedback: Feedback };

export interface SavedFeedback {
  readonly pair: Pair;
  readonly occurrence: Occurrence;
  readonly feedback: Feedback;
}

/** The id of the feedback a card writes: from the chat message that opened the card, so one card is one feedback. */
export const feedbackIdOf = (requestId: string): string => docId('feedback', requestId);

/**
 * Saves the author's SBI feedback for the other person of the pair, as a draft or shared, on the pair's
 * meeting in progress or next live occurrence. Saving the same id again edits the draft (or shares it);
 * a refused text stores nothing.
 */
export async function saveFeedback(
  deps: OneOnOneDeps,
  actor: Actor,
  request: {
    readonly pairId: string;
    readonly feedbackId: string;
    readonly parts: Partial<Record<FeedbackPart, string | undefined>>;
    readonly state: Feedback['state'];
  },
): Promise<Result<SavedFeedback, SaveFeedbackError>> {
  const pair = await resolvePair(deps, actor, request.pairId);
  if (!pair.ok) return pair;
  const text = checkFeedback(request.parts);
  if (!text.ok) return err({ code: 'VAGUE', ...text.error });
  const author = actor.email.toLowerCase();
  const existing = await deps.store.pairs.get(pair.value.pairId, request.feedbackId);
  if (existing !== undefined) {
    if (existing.doc.type !== 'feedback' || !wroteFeedback(existing.doc, actor))
      return err({ code: 'NOT_YOURS' });
    if (existing.doc.state === 'shared') return err({ code: 'ALREADY_SHARED', feedback: existing.doc });
  }
  const now = utc(deps.clock.now());
  const occurrence = await currentOrNextOccurrence(deps.store, pair.value.pairId, now);
  if (occurrence === undefined) return err({ code: 'NO_UPCOMING_1ON1', pair: pair.value });
  const feedback: Feedback = {
    type: 'feedback',
    id: request.feedbackId,
    pairId: pair.value.pairId,
    occurrenceId: occurrence.id,
    occurrenceStart: occurrence.originalStart,
    authorEmail: author,
    ...(actor.userId === undefined ? {} : { authorUserId: actor.userId }),
    recipientEmail: otherOf(pair.value, author),
    ...text.value,
    state: request.state,
    createdAt: existing?.doc.createdAt ?? now,
    updatedAt: now,
  };
  const written =
    existing === undefined
      ? await deps.store.pairs.create(feedback)
      : await deps.store.pairs.replace(feedback, existing.etag);
  // Another press of the same card won the race: what it stored stands.
  if (!written.ok) {
    const stored = await deps.store.pairs.get(pair.value.pairId, request.feedbackId);
    if (stored?.doc.type !== 'feedback' || !wroteFeedback(stored.doc, actor))
      return err({ code: 'NOT_YOURS' });
    return ok({ pair: pair.value, occurrence, feedback: stored.doc });
  }
  return ok({ pair: pair.value, occurrence, feedback });
}
