import { z } from 'zod';
import { DocBase, Instant } from './common.js';

/** `trustDigest`: the manager's monthly digest, keyed by the month (`digest:2026-03`), not an occurrence. */
export const DeliveryKind = z.enum(['agenda', 'summary', 'deepDive', 'cadenceAlert', 'trustDigest']);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

/**
 * One message to one person about one occurrence, keyed by `deliveryIdOf(kind, occurrence, recipient)`.
 * `pending` → `sending` (conditional write) → `sent` with the activity id; a stale `sending` is
 * reconciled by the next attempt. `unreachable`: the app is gone for that person (403/404).
 */
export const Delivery = DocBase.extend({
  type: z.literal('delivery'),
  pairId: z.string().min(1),
  kind: DeliveryKind,
  occurrenceId: z.string().min(1),
  recipientUserId: z.string().min(1),
  state: z.enum(['pending', 'sending', 'sent', 'unreachable']),
  attempts: z.number().int().min(0),
  sendingSince: Instant.optional(),
  activityId: z.string().optional(),
  conversationId: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;
