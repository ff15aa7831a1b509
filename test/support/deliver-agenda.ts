import type { Occurrence, Pair, User } from '../../shared/domain/index.js';
import { agendaCard } from '../../shared/services/delivery/cards.js';
import { deliverOnce } from '../../shared/services/delivery/deliver-once.js';
import type { DeliveryDeps } from '../../shared/services/delivery/deps.js';

/** Sends one person the agenda of one occurrence, once (see `deliverOnce`): what a test sets up with. */
export async function deliverAgenda(deps: DeliveryDeps, pair: Pair, occurrence: Occurrence, recipient: User) {
  return deliverOnce(deps, {
    kind: 'agenda',
    pair,
    occurrenceId: occurrence.id,
    recipient,
    card: () => agendaCard(deps, pair, occurrence, recipient),
  });
}
