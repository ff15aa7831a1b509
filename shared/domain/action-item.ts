import { z } from 'zod';
import { CalendarDate, DocBase, Email, Instant, UserText } from './common.js';

/** A commitment made in a 1:1. It stays open across occurrences until someone marks it done. */
export const ActionItem = DocBase.extend({
  type: z.literal('actionItem'),
  pairId: z.string().min(1),
  /** The occurrence it was agreed on. */
  occurrenceId: z.string().min(1),
  /** The original start of that occurrence. */
  occurrenceStart: Instant,
  ownerEmail: Email,
  createdBy: Email,
  text: UserText(500),
  due: CalendarDate.optional(),
  done: z.boolean(),
  doneAt: Instant.optional(),
});
export type ActionItem = z.infer<typeof ActionItem>;
