import { z } from 'zod';
import { DocBase, Email, UserText } from './common.js';
import { isAuthor, type Viewer } from './note.js';

/**
 * The report's answers to the monthly deep dive. The manager sees them only when `shared` is true;
 * shared happiness scores form the trend the manager can see.
 */
export const DeepDiveAnswer = DocBase.extend({
  type: z.literal('deepDiveAnswer'),
  pairId: z.string().min(1),
  occurrenceId: z.string().min(1),
  reportEmail: Email,
  /**
   * The Teams identity that answered: unshared answers are theirs, not their address's, so whoever later
   * gets the address never reads them (issue 27). Absent on answers from before.
   */
  authorUserId: z.string().min(1).optional(),
  happiness: z.number().int().min(1).max(10),
  makeItTen: UserText(2000).optional(),
  learning: UserText(2000).optional(),
  career: UserText(2000).optional(),
  shared: z.boolean(),
});
export type DeepDiveAnswer = z.infer<typeof DeepDiveAnswer>;

/** Whether `viewer` gave these answers (`isAuthor`: by Teams identity). */
export const gaveAnswers = (answer: DeepDiveAnswer, viewer: Viewer): boolean =>
  isAuthor(answer, answer.reportEmail, viewer);
