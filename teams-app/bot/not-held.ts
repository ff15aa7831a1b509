import type { User } from '../../shared/domain/index.js';
import { markNotHeld, NOT_HELD_DAYS } from '../../shared/services/one-on-one/mark-not-held.js';
import type { BotDeps, CardReply } from './bot-deps.js';
import { nameOf } from './names.js';
import { summaryCard } from '../../shared/services/delivery/cards.js';
import { updateSentCards } from '../../shared/services/delivery/sent-cards.js';

/**
 * "It didn't happen" on a summary. The presser's summary is replaced by the updated one and the other
 * person's is updated in place; a cadence check follows at once, since the 1:1 now counts as missed.
 * Every refusal changes nothing and says why.
 */
export async function onNotHeld(
  deps: BotDeps,
  user: User,
  data: { readonly pairId: string; readonly occurrenceId: string },
): Promise<CardReply> {
  const marked = await markNotHeld(deps, user, data);
  if (!marked.ok) {
    const error = marked.error;
    switch (error.code) {
      case 'ALREADY_SAID': {
        const who = error.by === user.email ? 'You' : await nameOf(deps.store, error.by);
        return { text: `${who} already said this 1:1 did not happen. Nothing was changed.` };
      }
      case 'TOO_LATE':
        return {
          text: `This 1:1 ended more than ${NOT_HELD_DAYS} days ago, so it stays as it was. Nothing was changed.`,
        };
      case 'ALREADY_MISSED':
        return {
          text: 'This 1:1 was cancelled or declined: it already counts as missed. Nothing was changed.',
        };
      case 'NOT_STARTED':
        return { text: 'This 1:1 has not started yet. Nothing was changed.' };
      case 'NOT_FOUND':
        return { text: 'I could not find that 1:1 any more. Nothing was changed.' };
      case 'NOT_MEMBER':
        return { text: 'That 1:1 is not one of yours. Nothing was changed.' };
    }
  }
  const { pair, occurrence } = marked.value;
  const render = (viewer: User) => summaryCard(deps, pair, occurrence, viewer);
  await updateSentCards(deps, pair, 'summary', occurrence, render, user.userId);
  await deps.queue.send('deliveries', {
    kind: 'cadenceCheck',
    pairId: pair.pairId,
    occurrenceId: occurrence.id,
  });
  return { card: await render(user) };
}
