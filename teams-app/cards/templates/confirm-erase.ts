import type { CardTemplate } from './card-template.js';

const point = (text: string, when?: string): object => ({
  type: 'TextBlock',
  text: `• ${text}`,
  wrap: true,
  spacing: 'small',
  ...(when === undefined ? {} : { $when: when }),
});

/** "delete my data": says exactly what goes, then one button does it. Nothing happens without it. */
export const confirmEraseTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Delete everything Steady keeps about you?',
  body: [
    {
      type: 'TextBlock',
      text: 'Delete everything Steady keeps about you?',
      size: 'large',
      weight: 'bolder',
      wrap: true,
    },
    { type: 'TextBlock', text: 'This cannot be undone. It removes:', wrap: true, spacing: 'small' },
    {
      type: 'RichTextBlock',
      $data: '${others}',
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: '• Your 1:1s with ' },
        { type: 'TextRun', text: '${name}' },
        {
          type: 'TextRun',
          text: ': every agenda, topic, note (theirs too), action item and deep-dive answer. They are told.',
        },
      ],
    },
    point('Your profile, and Steady stops reading your calendar.'),
    {
      type: 'TextBlock',
      text: 'Messages already in your Teams chats stay there: Teams keeps them. To keep a copy of your data first, type export.',
      wrap: true,
      isSubtle: true,
      spacing: 'medium',
    },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Delete everything', verb: 'eraseMe', data: { confirm: 'erase' } },
  ],
};
