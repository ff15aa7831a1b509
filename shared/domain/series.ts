import { z } from 'zod';
import { DocBase, Email, Instant, TimeZone } from './common.js';

/** A recurring 1:1 as found on Google Calendar, deduplicated across both calendars by `iCalUID`. */
export const Series = DocBase.extend({
  type: z.literal('series'),
  pairId: z.string().min(1),
  iCalUID: z.string().min(1),
  /** The master event's id on each calendar that shows it, by calendar id. */
  eventIds: z.record(z.string(), z.string()),
  title: z.string().max(1024),
  timeZone: TimeZone,
  recurrence: z.array(z.string()),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  organizerEmail: Email.optional(),
  /**
   * `ended`: UNTIL/COUNT reached; `deleted`: the master was cancelled; `untracked`: it is no longer a
   * 1:1 (a third person, too long, ...). Only `active` series get new occurrences.
   */
  status: z.enum(['active', 'ended', 'deleted', 'untracked']),
  /** Set when this series continues another one ("this and following" split). */
  continuesSeriesId: z.string().optional(),
  /** When the series ends (its last occurrence's original start), once `UNTIL` or `COUNT` says so. */
  endsAt: Instant.optional(),
  /** The end of the window its occurrences were last read for (`events.instances`). */
  coveredUntil: Instant.optional(),
});
export type Series = z.infer<typeof Series>;
