import { z } from 'zod';
import { DocBase, Email, UserText } from './common.js';

export const TOPIC_MAX_LENGTH = 500;

/** Something one of the pair wants to talk about, on one occurrence's agenda. */
export const Topic = DocBase.extend({
  type: z.literal('topic'),
  pairId: z.string().min(1),
  occurrenceId: z.string().min(1),
  authorEmail: Email,
  text: UserText(TOPIC_MAX_LENGTH),
  done: z.boolean(),
  /** The occurrence this topic was first raised on, when it was carried over unfinished. */
  carriedFrom: z.string().optional(),
});
export type Topic = z.infer<typeof Topic>;
