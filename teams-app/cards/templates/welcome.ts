import type { CardTemplate } from './card-template.js';
import { header } from './header.js';
import { commandLine } from './command-line.js';

const point = (text: string): object => ({
  type: 'TextBlock',
  text: `• ${text}`,
  wrap: true,
  spacing: 'small',
});

/** Sent once, on install: what Steady does, how private it is, and how to start. */
export const welcomeTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Welcome to Steady: write help to see what it can do.',
  body: [
    header('Steady', ['Hi ', '${name}', ', welcome to Steady'], {
      type: 'TextBlock',
      text: 'I help your 1:1s stay coaching conversations about the person, not status meetings.',
      wrap: true,
      spacing: 'small',
    }),
    { type: 'TextBlock', text: 'What I do', weight: 'bolder', size: 'medium', spacing: 'medium' },
    point(
      "Before each 1:1 you both get the agenda: the report's items first, then growth, feedback and the manager's.",
    ),
    point('Add topics from this chat at any time: they land on your next 1:1 and both agendas update.'),
    point('Keep notes and action items here during the meeting; afterwards you both get a summary.'),
    point('Once a month, a deep dive on happiness, growth and career.'),
    point('When a 1:1 keeps being cancelled, the manager gets a heads-up.'),
    { type: 'TextBlock', text: 'Private by design', weight: 'bolder', size: 'medium', spacing: 'medium' },
    {
      type: 'TextBlock',
      text:
        "A 1:1's topics, notes and action items are for its two people alone, and a private note only " +
        'ever for its author. Nothing goes to anyone else.',
      wrap: true,
      spacing: 'small',
    },
    { type: 'TextBlock', text: 'Try it', weight: 'bolder', size: 'medium', spacing: 'medium' },
    commandLine('add Career path for next quarter', 'adds a topic to your next 1:1'),
    commandLine('agenda', 'shows the agenda of your next 1:1'),
    commandLine('help', 'lists every command'),
  ],
};
