import { z } from 'zod';
import { DocBase, Instant } from './common.js';

export const JobKind = z.enum(['agenda', 'summary', 'deepDive', 'cadenceCheck']);
export type JobKind = z.infer<typeof JobKind>;

/**
 * Something due at a time (container `jobs`, partition `/bucket`, the UTC hour of `dueAt`).
 * The scheduler reads only the current and overdue buckets, so its cost follows what is due,
 * never the number of pairs. A moved occurrence moves its jobs; a cancelled one deletes them.
 */
export const Job = DocBase.extend({
  type: z.literal('job'),
  bucket: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/, { error: 'must be a UTC hour like 2026-03-02T08' }),
  kind: JobKind,
  dueAt: Instant,
  pairId: z.string().min(1),
  occurrenceId: z.string().min(1),
});
export type Job = z.infer<typeof Job>;

/**
 * How far the scheduler has finished: every bucket up to `doneThrough` is empty of due jobs. It lives
 * in the `jobs` container under its own partition, so each run reads only the buckets after it.
 */
export const SchedulerCursor = DocBase.extend({
  type: z.literal('schedulerCursor'),
  bucket: z.literal('scheduler'),
  doneThrough: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/),
});
export type SchedulerCursor = z.infer<typeof SchedulerCursor>;

export const JobsDoc = z.discriminatedUnion('type', [Job, SchedulerCursor]);
export type JobsDoc = z.infer<typeof JobsDoc>;
