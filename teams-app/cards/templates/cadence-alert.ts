import type { CardTemplate } from './card-template.js';

const suggestion = (title: string, text: string): object => ({
  type: 'RichTextBlock',
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: `${title}: `, weight: 'bolder' },
    { type: 'TextRun', text },
  ],
});

const big = (text: string): object => ({ type: 'TextRun', text, size: 'large', weight: 'bolder' });

const headline = (when: string, text: string): object => ({
  type: 'TextRun',
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
    {
      type: 'Container',
      style: 'warning',
      bleed: true,
      items: [
        { type: 'TextBlock', text: 'Cadence alert', size: 'small', weight: 'bolder' },
        {
          type: 'RichTextBlock',
          $when: `\${${counted}}`,
          spacing: 'none',
          inlines: [
            { type: 'TextRun', text: 'Your 1:1 with ', size: 'large', weight: 'bolder' },
            { type: 'TextRun', text: '${reportName}', size: 'large', weight: 'bolder' },
            headline(`\${pattern == 'consecutive' && ${none}}`, ' was missed ${missed} times in a row'),
            headline(
              `\${pattern == 'recent' && ${none}}`,
              ' was missed ${missed} of the last ${window} times',
            ),
            headline(`\${pattern == 'consecutive' && ${some}}`, ' is called off ${missed} times in a row'),
            headline(`\${pattern == 'recent' && ${some}}`, ' is called off ${missed} of ${window} times'),
          ],
        },
        {
          type: 'RichTextBlock',
          $when: '${exists(declined) && !declined.byManager}',
          spacing: 'none',
          inlines: [big('${reportName}'), big(' declined your 1:1 series from ${declined.from} on')],
        },
        {
          type: 'RichTextBlock',
          $when: '${exists(declined) && declined.byManager}',
          spacing: 'none',
          inlines: [
            big('You declined your 1:1 series with '),
            big('${reportName}'),
            big(' from ${declined.from} on'),
          ],
        },
      ],
    },
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
