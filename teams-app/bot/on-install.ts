import type { User } from '../../shared/domain/index.js';
import type { BotDeps, Reply } from './bot-deps.js';

/** The welcome card: what Steady does and how to use it. */
export function welcome(deps: BotDeps, user: User): Reply {
  return { card: deps.renderCard('welcome', { name: user.name }) };
}
