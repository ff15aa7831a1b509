import type { IdGen } from '../../shared/ports.js';
import type { Incoming } from './incoming.js';

/**
 * The key of what an activity writes (a topic, a note, a feedback draft): the same for a redelivery
 * of that activity, so nothing is stored twice, and different for any other. An activity id alone is
 * unique only within its conversation, so the conversation is part of it; a digest keeps the key
 * within a document id's length whatever Teams' ids look like.
 */
export const requestIdOf = (ids: IdGen, incoming: Pick<Incoming, 'id' | 'conversation'>): string =>
  ids.digest(`request|${incoming.conversation.id}|${incoming.id}`);
