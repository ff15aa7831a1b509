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
  PairError | { readonly code: 'UNKNOWN_OWNER'; readonly given: string; readonly pair: Pair };

export interface AddedItem {
  readonly pair: Pair;
  readonly occurrence: Occurrence;
  readonly item: Topic | Note | ActionItem;
  /** False when the same request was already stored (a retried or duplicated delivery). */
  readonly created: boolean;
}

/**
 * Adds a topic, note or action item to the pair's meeting in progress or its next live occurrence.
 * `requestId` (the chat message's activity id) keys the new document, so a redelivered message
 * stores nothing twice.
 */
export async function addItem(
  deps: OneOnOneDeps,
  actor: Actor,
  request: { readonly requestId: string; readonly pairId?: string; readonly item: NewItem },
): Promise<Result<AddedItem, AddItemError>> {
  const pair = await resolvePair(deps, actor, request.pairId);
  if (!pair.ok) return pair;
  const now = utc(deps.clock.now());
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
  return ok({ pair: pair.value, occurrence, item: doc, created: created.ok });
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
