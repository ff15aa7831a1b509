import type { CardTemplate } from './card-template.js';

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
        { type: 'TextRun', text: '${command}', fontType: 'monospace' },
      ],
    },
    {
      type: 'ActionSet',
      $data: '${options}',
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
  ],
};
