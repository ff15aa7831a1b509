import type { CardTemplate } from './card-template.js';

/** The longest command each button carries itself; a longer one is carried once, for all of them. */
export const BUTTONS_UP_TO = 500;

/** "Which 1:1?": one button per pair; the chosen pair runs the command again. */
export const choosePairTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Which 1:1 is this for?',
  body: [
    { type: 'TextBlock', text: 'Which 1:1?', size: 'large', weight: 'bolder' },
    {
      type: 'RichTextBlock',
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: 'You have more than one. This is for: ', isSubtle: true },
        { type: 'TextRun', text: '${shown}', fontType: 'monospace' },
      ],
    },
    {
      // A short command: one button per 1:1, each carrying it.
      type: 'ActionSet',
      $data: '${options}',
      $when: `\${length($root.command) <= ${BUTTONS_UP_TO}}`,
      spacing: 'small',
      actions: [
        {
          type: 'Action.Execute',
          title: '${label}',
          verb: 'choosePair',
          data: { pairId: '${pairId}', command: '${$root.command}' },
        },
      ],
    },
    {
      // A long one (a note of thousands of characters) is carried once, in a hidden input every button
      // sends with its pair, so the card stays within Teams' message size whatever the number of 1:1s.
      type: 'Container',
      $when: `\${length(command) > ${BUTTONS_UP_TO}}`,
      spacing: 'small',
      items: [
        { type: 'Input.Text', id: 'command', value: '${command}', isVisible: false },
        {
          type: 'ActionSet',
          $data: '${options}',
          actions: [
            { type: 'Action.Execute', title: '${label}', verb: 'choosePair', data: { pairId: '${pairId}' } },
          ],
        },
      ],
    },
  ],
};
