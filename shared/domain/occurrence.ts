import { z } from 'zod';
import { DocBase, Email, Instant } from './common.js';
import { JobKind } from './job.js';
import { isBefore } from './time.js';

/**
 * One meeting of a series, keyed by (series, original start): the key survives a move.
 * `start`/`end` are where it is now; a cancelled one stays, so the cadence rule can count it.
 */
export const Occurrence = DocBase.extend({
  type: z.literal('occurrence'),
  pairId: z.string().min(1),
  seriesId: z.string().min(1),
  originalStart: Instant,
  start: Instant,
  end: Instant,
  status: z.enum(['confirmed', 'cancelled']),
  /** The participants who declined this occurrence. */
  declinedBy: z.array(Email),
  /**
   * One of the two said it did not take place though it stayed on the calendar ("It didn't happen" on
   * the summary): who, and when they said so. It then counts as missed.
   */
  notHeld: z.object({ by: Email, at: Instant }).optional(),
  /** The event's own video call link, from the organizer's copy (the agenda's Join). */
  joinUrl: z
    .url({ protocol: /^https$/ })
    .max(1000)
    .optional(),
  /** Where this occurrence's jobs are, so a move or a cancellation can find and change them. */
  jobs: z.array(z.object({ kind: JobKind, bucket: z.string(), id: z.string(), dueAt: Instant })),
});
export type Occurrence = z.infer<typeof Occurrence>;

/**
 * A miss for the cadence rule and the trust digest: cancelled, declined by either person, or said by
 * either not to have taken place. A move is not a miss.
 */
export const isMissed = (occurrence: Occurrence): boolean =>
  occurrence.status === 'cancelled' || occurrence.declinedBy.length > 0 || occurrence.notHeld !== undefined;

/** Live: it is going ahead (not cancelled, nobody declined), so it gets an agenda and a summary. */
export const isLive = (occurrence: Occurrence): boolean => !isMissed(occurrence);

/** Declined by someone while it stays on the calendar: not cancelled, nor said not to have happened. */
export const isDeclined = (occurrence: Occurrence): boolean =>
  occurrence.status !== 'cancelled' && occurrence.notHeld === undefined && occurrence.declinedBy.length > 0;

/**
 * On both calendars as planned: not cancelled and nobody declined, whether or not someone later said
 * it did not happen. What was decided before the 1:1 (which one is the month's deep dive) stays decided.
 */
export const isScheduled = (occurrence: Occurrence): boolean =>
  occurrence.status !== 'cancelled' && occurrence.declinedBy.length === 0;

export const isMoved = (occurrence: Occurrence): boolean => occurrence.start !== occurrence.originalStart;

/**
 * When the meeting's chat window closes: when its summary is due, or its end when it gets none. Until
 * then, what its two people type belongs to it.
 */
export const closesAt = (occurrence: Occurrence): string =>
  occurrence.jobs.find((job) => job.kind === 'summary')?.dueAt ?? occurrence.end;

/** In progress at `now`: live, started, and its summary not yet due. */
export const isInProgress = (occurrence: Occurrence, now: string): boolean =>
  isLive(occurrence) && !isBefore(now, occurrence.start) && isBefore(now, closesAt(occurrence));
