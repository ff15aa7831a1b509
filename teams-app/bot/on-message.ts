import { parseCommand, type User } from '../../shared/domain/index.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { runCommand } from './commands.js';
import { explainCommandError } from './replies.js';

/**
 * A chat message: parse the command, act through the 1:1 services, answer. Every path answers;
 * a rejected input stores nothing. `requestId` is the message's activity id: a redelivery of the
 * same message adds nothing twice. `pairId` is the 1:1 a "which 1:1?" pick named.
 */
export async function onMessage(
  deps: BotDeps,
  user: User,
  text: string,
  requestId: string,
  pairId?: string,
): Promise<Reply> {
  const command = parseCommand(text);
  if (!command.ok) {
    return command.error.code === 'UNKNOWN'
      ? { card: deps.renderCard('help', {}) }
      : { text: explainCommandError(command.error) };
  }
  const context = { deps, user, requestId, ...(pairId === undefined ? {} : { pairId }) };
  return runCommand(context, command.value.kind, command.value);
}
