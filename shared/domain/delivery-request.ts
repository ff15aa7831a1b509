import { z } from 'zod';
import { Email } from './common.js';

/**
 * A message on the `deliveries` queue: one kind of message about one occurrence for one recipient
 * (a cadence check has none: it decides whether the manager gets an alert).
 */
export const DeliveryRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['agenda', 'summary', 'deepDive']),
    pairId: z.string().min(1),
    occurrenceId: z.string().min(1),
    recipientEmail: Email,
  }),
  z.object({ kind: z.literal('cadenceCheck'), pairId: z.string().min(1), occurrenceId: z.string().min(1) }),
  /** The occurrence moved, was cancelled or declined: the agenda cards already sent are updated in place. */
  z.object({ kind: z.literal('refresh'), pairId: z.string().min(1), occurrenceId: z.string().min(1) }),
]);
export type DeliveryRequest = z.infer<typeof DeliveryRequest>;

/** The two people of a pair, from its id (`manager|report`). */
export function peopleOf(pairId: string): { managerEmail: string; reportEmail: string } {
  const [managerEmail = '', reportEmail = ''] = pairId.split('|');
  return { managerEmail, reportEmail };
}
