import { z } from 'zod';
import { DocBase, Email, Instant, UserText } from './common.js';

export const TOPIC_MAX_LENGTH = 500;

/** Something one of the pair wants to talk about, on one occurrence's agenda. */
export const Topic = DocBase.extend({
  type: z.literal('topic'),
  pairId: z.string().min(1),
  occurrenceId: z.string().min(1),
  /** The original start of that occurrence: unfinished topics from earlier ones carry over. */
  occurrenceStart: Instant,
  authorEmail: Email,
  text: UserText(TOPIC_MAX_LENGTH),
  done: z.boolean(),
});
export type Topic = z.infer<typeof Topic>;
