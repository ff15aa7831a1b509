import { quarterOf, utc, type Occurrence, type Pair, type User } from '../../domain/index.js';
import { agendaView } from '../one-on-one/agenda-view.js';
import { deepDiveCheckpoint } from '../one-on-one/checkpoint-note.js';
import { notHeldRefusal } from '../one-on-one/mark-not-held.js';
import { conversationOccurrences } from '../one-on-one/plan-conversation.js';
import { summaryView } from '../one-on-one/summary-view.js';
import { trustDigest } from '../one-on-one/trust-digest.js';
import { pairTimeZone } from '../people.js';
import type { Card, HeldView } from './card-renderer.js';
import type { CardDeps } from './deps.js';
import { updateSentCards } from './sent-cards.js';

type CardViewDeps = Pick<CardDeps, 'store' | 'clock' | 'cards'>;

/** The agenda card of one occurrence as `viewer` sees it, times in the viewer's zone. */
export async function agendaCard(deps: CardViewDeps, pair: Pair, occurrence: Occurrence, viewer: User) {
  const timeZone = await pairTimeZone(deps.store, pair);
  return deps.cards.agenda(await agendaView(deps.store, pair, occurrence, viewer, timeZone), viewer);
}

/** The summary card of one occurrence as `viewer` sees it: never with the other person's private notes. */
export async function summaryCard(deps: CardViewDeps, pair: Pair, occurrence: Occurrence, viewer: User) {
  const quarter = quarterOf(occurrence.start, await pairTimeZone(deps.store, pair));
  const view = await summaryView(deps.store, pair, occurrence, viewer, quarter);
  return deps.cards.summary(view, viewer, heldView(deps, pair, occurrence));
}

/**
 * "Did this 1:1 happen?": who said it did not, once said; the "It didn't happen" button while either
 * person may still press it (`markNotHeld`: from its start to 7 days after its end); nothing after.
 */
function heldView(deps: CardViewDeps, pair: Pair, occurrence: Occurrence): HeldView | undefined {
  if (occurrence.notHeld !== undefined) return { state: 'notHeld', ...occurrence.notHeld };
  const open = notHeldRefusal(occurrence, utc(deps.clock.now())) === undefined;
  return open ? { state: 'ask', pairId: pair.pairId, occurrenceId: occurrence.id } : undefined;
}

/**
 * The report's deep-dive prompt for `occurrence` (`month` as shown). When the pair has a plan for the
 * checkpoint just passed, the card asks about it, prefilled with the note stored so far.
 */
export async function deepDiveCard(deps: CardViewDeps, pair: Pair, occurrence: Occurrence, month: string) {
  const timeZone = await pairTimeZone(deps.store, pair);
  const asked = await deepDiveCheckpoint(deps.store, pair.pairId, occurrence, timeZone);
  return deps.cards.deepDive({
    pair,
    occurrenceId: occurrence.id,
    month,
    ...(asked === undefined ? {} : { asked }),
  });
}

/** The digest card of `manager` at `at`, in their zone; `undefined` when they manage nobody. */
export async function trustDigestCard(
  deps: CardViewDeps,
  manager: User,
  at: string,
): Promise<Card | undefined> {
  const digest = await trustDigest(deps.store, manager.email, at, manager.timeZone);
  return digest === undefined ? undefined : deps.cards.trustDigest(digest);
}

/** After a change to a pair's agenda: each participant's sent agenda card is updated in place. */
export async function refreshAgendaCards(
  deps: CardDeps,
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

/**
 * After the pair saved its growth plan for `quarter`: the summaries already sent of that quarter's career
 * or promotion conversations are updated in place, so they record the goal even when it was written
 * after the 1:1.
 */
export async function refreshConversationSummaries(deps: CardDeps, pair: Pair, quarter: string) {
  const timeZone = await pairTimeZone(deps.store, pair);
  for (const occurrence of await conversationOccurrences(deps.store, pair.pairId)) {
    if (quarterOf(occurrence.start, timeZone) !== quarter) continue;
    await updateSentCards(deps, pair, 'summary', occurrence, (user) =>
      summaryCard(deps, pair, occurrence, user),
    );
  }
}
