import { err, ok, utc, type ActionItem, type Pair, type Result, type Topic } from '../../domain/index.js';
import { isMember } from '../people.js';
import type { Actor, OneOnOneDeps } from './deps.js';
import type { PairError } from './pair-errors.js';
import { openActionItems } from './open-items.js';
import { resolvePair } from './resolve-pair.js';

export type MarkError = PairError | { readonly code: 'NOT_FOUND' };

/**
 * Marks a topic covered or an action item done, by id (a card button). The actor must belong to the
 * pair named; marking twice is not an error (a double press, a retried invoke).
 */
export async function markById(
  deps: OneOnOneDeps,
  actor: Actor,
  target: { readonly pairId: string; readonly id: string; readonly type: 'topic' | 'actionItem' },
): Promise<Result<{ pair: Pair; item: Topic | ActionItem }, MarkError>> {
  const pair = await deps.store.pairs.get(target.pairId, 'pair');
  if (pair?.doc.type !== 'pair' || !isMember(pair.doc, actor.email)) return err({ code: 'NOT_MEMBER' });
  const stored = await deps.store.pairs.get(target.pairId, target.id);
  if (stored === undefined || stored.doc.type !== target.type) return err({ code: 'NOT_FOUND' });
  const item = stored.doc;
  if (item.done) return ok({ pair: pair.doc, item });
  const now = utc(deps.clock.now());
  const next =
    item.type === 'actionItem'
      ? { ...item, done: true, doneAt: now, updatedAt: now }
      : { ...item, done: true, updatedAt: now };
  const written = await deps.store.pairs.replace(next, stored.etag);
  if (!written.ok) return markById(deps, actor, target); // changed meanwhile: read again
  return ok({ pair: pair.doc, item: next });
}

/** `done <n>`: the n-th open action item, as numbered on the agenda card (of the meeting in progress). */
export async function markDoneByNumber(
  deps: OneOnOneDeps,
  actor: Actor,
  request: { readonly number: number; readonly pairId?: string },
): Promise<Result<{ pair: Pair; item: ActionItem }, MarkError>> {
  const pair = await resolvePair(deps, actor, request.pairId, utc(deps.clock.now()));
  if (!pair.ok) return pair;
  const item = (await openActionItems(deps.store, pair.value.pairId))[request.number - 1];
  if (item === undefined) return err({ code: 'NOT_FOUND' });
  const marked = await markById(deps, actor, { pairId: pair.value.pairId, id: item.id, type: 'actionItem' });
  return marked.ok ? ok({ pair: marked.value.pair, item: marked.value.item as ActionItem }) : marked;
}

/** `pause` / `resume`: stop or restart agendas and summaries for a 1:1. */
export async function setTracking(
  deps: OneOnOneDeps,
  actor: Actor,
  request: { readonly tracking: 'active' | 'paused'; readonly pairId?: string },
): Promise<Result<Pair, PairError>> {
  const pair = await resolvePair(deps, actor, request.pairId);
  if (!pair.ok) return pair;
  const stored = await deps.store.pairs.get(pair.value.pairId, 'pair');
  if (stored?.doc.type !== 'pair') return err({ code: 'NO_PAIR' });
  const next = { ...stored.doc, tracking: request.tracking, updatedAt: utc(deps.clock.now()) };
  const written = await deps.store.pairs.replace(next, stored.etag);
  if (!written.ok) return setTracking(deps, actor, request);
  return ok(next);
}
