import { COMMANDS } from '../../../shared/domain/command.js';
import type { CardTemplate } from './card-template.js';
import { commandLine } from './command-line.js';

/** Every chat command, one line each, from the command table (shared/domain/command.ts). */
export const helpTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: `Steady commands: ${COMMANDS.map((command) => command.usage.split(/ [<[]/)[0]).join(', ')}.`,
  body: [
    { type: 'TextBlock', text: 'Commands', size: 'large', weight: 'bolder' },
    {
      type: 'TextBlock',
      text: 'Write these in this chat. With more than one 1:1, I ask which one you mean.',
      wrap: true,
      isSubtle: true,
      spacing: 'small',
    },
    ...COMMANDS.map((command) => commandLine(command.usage, command.help)),
    {
      type: 'TextBlock',
      text: 'On an agenda card: Give feedback and Growth plan open the same cards; a manager can also plan a career or promotion conversation for the next 1:1 (Plan a career talk).',
      wrap: true,
      isSubtle: true,
      spacing: 'medium',
    },
  ],
};
