import type { CardTemplate } from './card-template.js';

const suggestion = (title: string, text: string): object => ({
  type: 'RichTextBlock',
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: `${title}: `, weight: 'bolder' },
    { type: 'TextRun', text },
  ],
});

const headline = (when: string, text: string): object => ({
  type: 'TextRun',
  $when: when,
  text,
  size: 'large',
  weight: 'bolder',
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
            headline("${pattern == 'consecutive' && ahead == 0}", ' was missed ${missed} times in a row'),
            headline(
              "${pattern == 'recent' && ahead == 0}",
              ' was missed ${missed} of the last ${window} times',
            ),
            headline("${pattern == 'consecutive' && ahead > 0}", ' is called off ${missed} times in a row'),
            headline("${pattern == 'recent' && ahead > 0}", ' is called off ${missed} of ${window} times'),
          ],
        },
      ],
    },
    { type: 'TextBlock', text: 'Missed', weight: 'bolder', spacing: 'medium', $when: '${ahead == 0}' },
    {
      type: 'TextBlock',
      text: 'Missed or called off',
      weight: 'bolder',
      spacing: 'medium',
      $when: '${ahead > 0}',
    },
    {
      type: 'RichTextBlock',
      $data: '${dates}',
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: '• ${day}' },
        { type: 'TextRun', $when: '${ahead}', text: ' (still ahead)', italic: true },
      ],
    },
    {
      type: 'TextBlock',
      $when: '${ahead > 0}',
      text: 'Some of these are still ahead: there is time to move them rather than lose them.',
      wrap: true,
      spacing: 'small',
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
