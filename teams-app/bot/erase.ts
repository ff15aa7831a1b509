import type { User } from '../../shared/domain/index.js';
import { erasePerson } from '../../shared/services/erase-person.js';
import { otherOf, pairsOf } from '../../shared/services/people.js';
import { recipientOf } from '../../shared/services/address-check.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { nameOf } from './names.js';

/** "delete my data": the card that says what goes; nothing is deleted until its button is pressed. */
export async function confirmErase(deps: BotDeps, user: User): Promise<Reply> {
  const others = await Promise.all(
    (await pairsOf(deps.store, user)).map(async (pair) => ({
      name: await nameOf(deps.store, otherOf(pair, user.email)),
    })),
  );
  return { card: deps.renderCard('confirmErase', { others }) };
}

/**
 * "Delete everything" pressed: everything of the presser goes (see `erasePerson`), whoever the card's
 * data names; the other person of each 1:1 is told its records are gone.
 */
export async function eraseMe(deps: BotDeps, user: User): Promise<Reply> {
  const names = new Map<string, string>();
  for (const pair of await pairsOf(deps.store, user)) {
    const other = otherOf(pair, user.email);
    names.set(other, await nameOf(deps.store, other));
  }
  const erased = await erasePerson(deps, user);
  for (const email of erased.others) {
    const other = await recipientOf(deps, email);
    if (other?.conversation === undefined || !other.reachable) continue;
    await deps.messenger.send(
      { ...other.conversation, tenantId: other.tenantId },
      {
        text: `${user.name} asked Steady to delete their data, so the records of your 1:1s with them (agendas, topics, notes, action items) are gone.`,
      },
    );
  }
  const withWhom = [...names.values()];
  return {
    text:
      `Deleted: ${erased.documents} records` +
      (withWhom.length > 0 ? `, including your 1:1s with ${withWhom.join(', ')}` : '') +
      '. Steady no longer reads your calendar. Messages already in this chat stay (Teams keeps them); ' +
      'remove the app to hide it. If you write to me again, I start over.',
  };
}
