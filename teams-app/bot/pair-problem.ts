import { replayOf, type Command, type User } from '../../shared/domain/index.js';
import type { AddItemError } from '../../shared/services/one-on-one/add-item.js';
import type { PairError } from '../../shared/services/one-on-one/pair-errors.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { pairLabel } from './names.js';

/** A write that did not happen is never answered as done. */
export const NOT_STORED = 'I could not save that just now, and nothing was saved. Please send it again.';

export const noUpcoming = () =>
  'There is no upcoming 1:1 on the calendar for this pair, so there is nothing to add to yet.';

/**
 * Why a command found no 1:1 to act on, as an answer. With several 1:1s it asks which one: the card's
 * buttons carry the command written back (`replayOf`), which runs again for the pair picked.
 */
export async function pairProblem(
  deps: BotDeps,
  user: User,
  error: PairError | AddItemError,
  command: Command,
): Promise<Reply> {
  switch (error.code) {
    case 'NO_PAIR':
      return {
        text: 'I have not found a recurring 1:1 on your calendar yet. Steady follows 1:1s with exactly two people; it can take a minute after you install.',
      };
    case 'AMBIGUOUS_PAIR': {
      const options = await Promise.all(
        error.pairs.map(async (pair) => ({
          pairId: pair.pairId,
          label: await pairLabel(deps.store, pair, user.email),
        })),
      );
      return { card: deps.renderCard('choosePair', { command: replayOf(command), options }) };
    }
    case 'NOT_MEMBER':
      return { text: 'That 1:1 is not one of yours.' };
    case 'NO_UPCOMING_1ON1':
      return { text: noUpcoming() };
    case 'UNKNOWN_OWNER':
      return {
        text: `"${error.given}" is not one of the two people of this 1:1. Use @ with their name or email, or leave it out to own it yourself.`,
      };
    case 'NOT_STORED':
      return { text: NOT_STORED };
  }
}
