import type { CardTemplate } from './card-template.js';
import { commandLine } from './command-line.js';

/** Every chat command, one line each. */
export const helpTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText:
    'Steady commands: agenda, add, note, private, action, feedback, growth, digest, done, pause, resume, export, delete my data, help.',
  body: [
    { type: 'TextBlock', text: 'Commands', size: 'large', weight: 'bolder' },
    {
      type: 'TextBlock',
      text: 'Write these in this chat. With more than one 1:1, I ask which one you mean.',
      wrap: true,
      isSubtle: true,
      spacing: 'small',
    },
    commandLine('agenda', 'show the agenda of your next 1:1'),
    commandLine('add <topic>', 'add a topic to your next 1:1 (also: topic <topic>)'),
    commandLine('note <text>', 'add a note you both see'),
    commandLine('private <text>', 'add a private note: only you ever see it'),
    commandLine(
      'action [@Name] <text> [by <date>]',
      'add an action item for you or for @Name, due by a date like 2026-03-20',
    ),
    commandLine(
      'feedback',
      'give the other person of your 1:1 feedback: situation, behavior, impact, request',
    ),
    commandLine(
      'growth [last | next | Q1]',
      'your growth plan for this quarter (or the one named): goal, support, evidence, monthly checkpoints',
    ),
    commandLine('digest', 'managers: your trust digest: follow-through, cadence, shared happiness'),
    commandLine('done <n>', 'mark action item n done (the numbers are on the agenda)'),
    commandLine('pause', 'pause Steady for a 1:1: no agendas or summaries until you resume'),
    commandLine('resume', 'start agendas and summaries again'),
    commandLine('export', 'get everything Steady keeps that you can see, as a file in this chat'),
    commandLine('delete my data', 'delete everything Steady keeps about you (it asks first)'),
    commandLine('help', 'show this list'),
    {
      type: 'TextBlock',
      text: 'On an agenda card: Give feedback and Growth plan open the same cards; a manager can also plan a career or promotion conversation for the next 1:1 (Plan a career talk).',
      wrap: true,
      isSubtle: true,
      spacing: 'medium',
    },
  ],
};
