import {
  deliveryIdOf,
  type DeliveryKind,
  type Occurrence,
  type Pair,
  type User,
} from '../../domain/index.js';
import { recipientOf } from '../address-check.js';
import type { Card } from './card-renderer.js';
import type { CardDeps } from './deps.js';

/**
 * Updates in place the card of `kind` for `occurrence` that each person of the pair (but `except`, a
 * user id) was sent, rendered anew for them. A card not sent, or to someone unreachable, is left alone.
 * Returns how many were updated.
 */
export async function updateSentCards(
  deps: CardDeps,
  pair: Pair,
  kind: DeliveryKind,
  occurrence: Occurrence,
  render: (viewer: User) => Promise<Card>,
  except?: string,
): Promise<number> {
  let updated = 0;
  for (const email of [pair.managerEmail, pair.reportEmail]) {
    const user = await recipientOf(deps, email);
    if (user === undefined || user.userId === except || !user.reachable || user.conversation === undefined)
      continue;
    const sent = await deps.store.pairs.get(pair.pairId, deliveryIdOf(kind, occurrence.id, user.userId));
    if (sent?.doc.type !== 'delivery' || sent.doc.activityId === undefined) continue;
    const result = await deps.messenger.update(
      { ...user.conversation, tenantId: user.tenantId },
      sent.doc.activityId,
      { card: await render(user) },
    );
    if (result.ok) updated += 1;
  }
  return updated;
}
