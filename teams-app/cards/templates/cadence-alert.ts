import type { CardTemplate } from './card-template.js';

const suggestion = (title: string, text: string): object => ({
  type: 'RichTextBlock',
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: `${title}: `, weight: 'bolder' },
    { type: 'TextRun', text },
  ],
});

/** To the manager only: the 1:1 with a report keeps being missed. Suggestions, no buttons. */
export const cadenceAlertTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'A 1:1 keeps being missed.',
  body: [
    {
      type: 'Container',
      style: 'warning',
      bleed: true,
      items: [
        { type: 'TextBlock', text: 'Cadence alert', size: 'small', weight: 'bolder' },
        {
          type: 'RichTextBlock',
          spacing: 'none',
          inlines: [
            { type: 'TextRun', text: 'Your 1:1 with ', size: 'large', weight: 'bolder' },
            { type: 'TextRun', text: '${reportName}', size: 'large', weight: 'bolder' },
            {
              type: 'TextRun',
              $when: "${pattern == 'consecutive'}",
              text: ' was missed ${missed} times in a row',
              size: 'large',
              weight: 'bolder',
            },
            {
              type: 'TextRun',
              $when: "${pattern == 'recent'}",
              text: ' was missed ${missed} of the last ${window} times',
              size: 'large',
              weight: 'bolder',
            },
          ],
        },
      ],
    },
    { type: 'TextBlock', text: 'Missed', weight: 'bolder', spacing: 'medium' },
    {
      type: 'RichTextBlock',
      $data: '${dates}',
      spacing: 'small',
      inlines: [{ type: 'TextRun', text: '• ${$data}' }],
    },
    {
      type: 'TextBlock',
      text: 'Why it matters: missed meetings signal low priority, and trust is built by consistency.',
      wrap: true,
      spacing: 'medium',
    },
    { type: 'TextBlock', text: 'What you could do', weight: 'bolder', spacing: 'medium' },
    suggestion('Reschedule', 'find a time this week, so the next one happens.'),
    suggestion('Change the cadence', 'if this rhythm does not fit, pick one you can keep, and keep it.'),
  ],
};
