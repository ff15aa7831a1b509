import type { IdGen } from '../../shared/ports.js';
import type { Incoming } from './incoming.js';

/** Longer activity ids are replaced by a digest, so a key stays within a document id's 255 characters. */
const KEPT_ACTIVITY_ID = 180;

/**
 * The key of what an activity writes (a topic, a note, a feedback draft): the same for a redelivery
 * of that activity, so nothing is stored twice, and different for any other. An activity id alone is
 * unique only within its conversation, so a digest of the conversation follows it. The activity id
 * comes first because items created at the same instant are listed in key order, which is then the
 * order Teams numbered the messages in.
 */
export function requestIdOf(ids: IdGen, incoming: Pick<Incoming, 'id' | 'conversation'>): string {
  const conversation = ids.digest(`conversation|${incoming.conversation.id}`).slice(0, 32);
  const activity =
    incoming.id.length <= KEPT_ACTIVITY_ID ? incoming.id : ids.digest(`activity|${incoming.id}`);
  return `${activity}~${conversation}`;
}
