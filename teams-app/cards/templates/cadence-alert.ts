import type { CardTemplate } from './card-template.js';
import { band, title } from './header.js';

const suggestion = (label: string, text: string): object => ({
  type: 'RichTextBlock',
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: `${label}: `, weight: 'bolder' },
    { type: 'TextRun', text },
  ],
});

const headline = (when: string, text: string) => ({
  type: 'TextRun' as const,
  $when: when,
  text,
  size: 'large',
  weight: 'bolder',
});

const counted = '!exists(declined)';
/** Whether any of the dates is still ahead (cancelled or declined early): "is called off", not "was missed". */
const some = 'count(where(dates, d, d.ahead)) > 0';
const none = 'count(where(dates, d, d.ahead)) == 0';

/**
 * To the manager only: the 1:1 with a report keeps being missed, or one of them declined the series.
 * Suggestions, no buttons.
 */
export const cadenceAlertTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'A 1:1 keeps being missed.',
  body: [
    band(
      'Cadence alert',
      'warning',
      title(
        [
          'Your 1:1 with ',
          '${reportName}',
          headline(`\${pattern == 'consecutive' && ${none}}`, ' was missed ${missed} times in a row'),
          headline(`\${pattern == 'recent' && ${none}}`, ' was missed ${missed} of the last ${window} times'),
          headline(`\${pattern == 'consecutive' && ${some}}`, ' is called off ${missed} times in a row'),
          headline(`\${pattern == 'recent' && ${some}}`, ' is called off ${missed} of ${window} times'),
        ],
        `\${${counted}}`,
      ),
      title(
        ['${reportName}', ' declined your 1:1 series from ${declined.from} on'],
        '${exists(declined) && !declined.byManager}',
      ),
      title(
        ['You declined your 1:1 series with ', '${reportName}', ' from ${declined.from} on'],
        '${exists(declined) && declined.byManager}',
      ),
    ),
    {
      type: 'Container',
      $when: `\${${counted}}`,
      items: [
        { type: 'TextBlock', text: 'Missed', weight: 'bolder', spacing: 'medium', $when: `\${${none}}` },
        {
          type: 'TextBlock',
          text: 'Missed or called off',
          weight: 'bolder',
          spacing: 'medium',
          $when: `\${${some}}`,
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
          $when: `\${${some}}`,
          text: 'Some of these are still ahead: there is time to move them rather than lose them.',
          wrap: true,
          spacing: 'small',
        },
      ],
    },
    {
      type: 'RichTextBlock',
      $when: '${exists(declined)}',
      spacing: 'medium',
      inlines: [
        { type: 'TextRun', text: 'Every 1:1 of the series on the calendar from then on is declined (' },
        { type: 'TextRun', text: '${string(declined.count)}' },
        { type: 'TextRun', text: ' so far). It is one decision, so this is one alert, not one per week.' },
      ],
    },
    {
      type: 'TextBlock',
      text: 'Why it matters: missed meetings signal low priority, and trust is built by consistency.',
      wrap: true,
      spacing: 'medium',
    },
    { type: 'TextBlock', text: 'What you could do', weight: 'bolder', spacing: 'medium' },
    {
      type: 'Container',
      $when: '${exists(declined)}',
      items: [
        suggestion('Ask why', 'talk it through: the time, the length or the format may not work for them.'),
      ],
    },
    {
      type: 'Container',
      $when: `\${${counted}}`,
      items: [suggestion('Reschedule', 'find a time this week, so the next one happens.')],
    },
    suggestion('Change the cadence', 'if this rhythm does not fit, pick one you can keep, and keep it.'),
  ],
};
