import {
  docId,
  err,
  ok,
  utc,
  type ActionItem,
  type Note,
  type Occurrence,
  type Pair,
  type Result,
  type Topic,
} from '../../domain/index.js';
import type { Actor, OneOnOneDeps } from './deps.js';
import type { PairError } from './pair-errors.js';
import { currentOrNextOccurrence } from './occurrences.js';
import { resolvePair } from './resolve-pair.js';

export type NewItem =
  | { readonly type: 'topic'; readonly text: string }
  | { readonly type: 'note'; readonly text: string; readonly visibility: 'shared' | 'private' }
  | { readonly type: 'actionItem'; readonly text: string; readonly owner?: string; readonly due?: string };

export type AddItemError =
  | PairError
  | { readonly code: 'UNKNOWN_OWNER'; readonly given: string; readonly pair: Pair }
  /** The key is taken by a document this request did not write: nothing was stored. */
  | { readonly code: 'NOT_STORED' };

export interface AddedItem {
  readonly pair: Pair;
  readonly occurrence: Occurrence;
  readonly item: Topic | Note | ActionItem;
  /** False when the same request was already stored (a retried or duplicated delivery). */
  readonly created: boolean;
}

/**
 * Adds a topic, note or action item to the pair's meeting in progress or its next live occurrence.
 * With several pairs and none named, a meeting in progress names it (`resolvePair`).
 * `requestId` (from the chat message's conversation and activity ids) keys the new document, so a
 * redelivered message stores nothing twice; a key taken by anything else is `NOT_STORED`.
 */
export async function addItem(
  deps: OneOnOneDeps,
  actor: Actor,
  request: { readonly requestId: string; readonly pairId?: string; readonly item: NewItem },
): Promise<Result<AddedItem, AddItemError>> {
  const now = utc(deps.clock.now());
  const pair = await resolvePair(deps, actor, request.pairId, now);
  if (!pair.ok) return pair;
  const occurrence = await currentOrNextOccurrence(deps.store, pair.value.pairId, now);
  if (occurrence === undefined) return err({ code: 'NO_UPCOMING_1ON1', pair: pair.value });
  const base = {
    id: docId(request.item.type, request.requestId),
    pairId: pair.value.pairId,
    occurrenceId: occurrence.id,
    createdAt: now,
    updatedAt: now,
  };
  const author = actor.email.toLowerCase();
  let doc: Topic | Note | ActionItem;
  switch (request.item.type) {
    case 'topic':
      doc = {
        ...base,
        type: 'topic',
        occurrenceStart: occurrence.originalStart,
        authorEmail: author,
        text: request.item.text,
        done: false,
      };
      break;
    case 'note':
      doc = {
        ...base,
        type: 'note',
        authorEmail: author,
        ...(actor.userId === undefined ? {} : { authorUserId: actor.userId }),
        visibility: request.item.visibility,
        text: request.item.text,
      };
      break;
    case 'actionItem': {
      const owner = ownerOf(pair.value, author, request.item.owner);
      if (owner === undefined)
        return err({ code: 'UNKNOWN_OWNER', given: request.item.owner ?? '', pair: pair.value });
      doc = {
        ...base,
        type: 'actionItem',
        occurrenceStart: occurrence.originalStart,
        ownerEmail: owner,
        createdBy: author,
        text: request.item.text,
        done: false,
        ...(request.item.due === undefined ? {} : { due: request.item.due }),
      };
      break;
    }
  }
  const created = await deps.store.pairs.create(doc);
  if (created.ok) return ok({ pair: pair.value, occurrence, item: doc, created: true });
  // The key is taken: by this same request (a redelivery, nothing to do), or by something else, and
  // then nothing of this one was stored and no one may be told it was.
  const existing = (await deps.store.pairs.get(doc.pairId, doc.id))?.doc;
  if (!sameRequest(existing, doc)) return err({ code: 'NOT_STORED' });
  return ok({ pair: pair.value, occurrence, item: existing, created: false });
}

/** Whether `stored` is what this request writes (its retry stored it first). */
function sameRequest(stored: unknown, doc: Topic | Note | ActionItem): stored is Topic | Note | ActionItem {
  const other = stored as Partial<Record<string, unknown>> | undefined;
  const authorOf = (d: Partial<Record<string, unknown>>) => d['authorEmail'] ?? d['createdBy'];
  return (
    other !== undefined &&
    other['type'] === doc.type &&
    other['text'] === doc.text &&
    authorOf(other) === authorOf(doc)
  );
}

/** `@Name` picks one of the pair: by email, by the part before `@`, or by first name; none means the author. */
function ownerOf(pair: Pair, author: string, given: string | undefined): string | undefined {
  if (given === undefined) return author;
  const wanted = given.toLowerCase().replace(/^@/, '');
  return [pair.managerEmail, pair.reportEmail].find((email) => {
    const local = email.split('@')[0] ?? '';
    return email === wanted || local === wanted || local.split(/[._-]/)[0] === wanted;
  });
}
