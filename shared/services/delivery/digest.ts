import { hasTrustedRoles, monthOf, utc, type Occurrence, type Pair, type User } from '../../domain/index.js';
import { trustDigestPartition } from '../one-on-one/trust-digest.js';
import { trustDigestCard } from './cards.js';
import { deliverOnce, type DeliverOnceOutcome } from './deliver-once.js';
import type { DeliveryDeps } from './deps.js';

/** The digest's delivery "occurrence": the month, `digest:2026-03`. */
export const digestKeyOf = (month: string): string => `digest:${month}`;

/**
 * The monthly send: with the manager's agenda of a deep-dive 1:1, once per manager and calendar month
 * (the occurrence's month in the manager's zone). Another pair's deep dive, or a retry, finds the
 * delivery already sent.
 */
export async function deliverDigest(
  deps: DeliveryDeps,
  pair: Pair,
  occurrence: Occurrence,
  manager: User,
): Promise<DeliverOnceOutcome | 'NOT_MANAGER'> {
  if (manager.email !== pair.managerEmail || !hasTrustedRoles(pair)) return 'NOT_MANAGER';
  const at = utc(deps.clock.now());
  return deliverOnce(deps, {
    kind: 'trustDigest',
    pair,
    partition: trustDigestPartition(manager.userId),
    occurrenceId: digestKeyOf(monthOf(occurrence.start, manager.timeZone)),
    recipient: manager,
    // built only when it is sent: the other pairs' deep dives of the month find it sent and read nothing
    card: async () => {
      const card = await trustDigestCard(deps, manager, at);
      if (card === undefined) throw new Error('trust digest: the manager of this pair manages no pair');
      return card;
    },
  });
}
