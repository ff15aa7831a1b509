import type { Occurrence, Pair, User } from '../../shared/domain/index.js';
import { agendaView } from '../../shared/services/one-on-one/agenda-view.js';
import { pairTimeZone } from '../../shared/services/people.js';
import { deliverOnce } from './deliver-once.js';
import type { BotDeps } from './bot-deps.js';
import { agendaCardData } from './present.js';
import { updateSentCards } from './sent-cards.js';

/** The agenda card of one occurrence as `viewer` sees it, times in the viewer's zone. */
export async function agendaCard(deps: BotDeps, pair: Pair, occurrence: Occurrence, viewer: User) {
  const timeZone = await pairTimeZone(deps.store, pair);
  const view = await agendaView(deps.store, pair, occurrence, viewer, timeZone);
  return deps.renderCard('agenda', await agendaCardData(deps.store, view, viewer.timeZone));
}

/** Sends one person the agenda of one occurrence, once (see `deliverOnce`). */
export async function deliverAgenda(deps: BotDeps, pair: Pair, occurrence: Occurrence, recipient: User) {
  return deliverOnce(deps, {
    kind: 'agenda',
    pair,
    occurrenceId: occurrence.id,
    recipient,
    card: () => agendaCard(deps, pair, occurrence, recipient),
  });
}

/** After a change to a pair's agenda: each participant's sent agenda card is updated in place. */
export async function refreshAgendaCards(
  deps: BotDeps,
  pair: Pair,
  occurrence: Occurrence,
  except?: string,
): Promise<number> {
  return updateSentCards(
    deps,
    pair,
    'agenda',
    occurrence,
    (user) => agendaCard(deps, pair, occurrence, user),
    except,
  );
}
