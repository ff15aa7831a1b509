import type { CardTemplate } from './card-template.js';

const answer = (id: string, label: string): object => ({
  type: 'Input.Text',
  id,
  label,
  isMultiline: true,
  maxLength: 2000,
  placeholder: 'Optional',
});

/**
 * The report's monthly deep dive, in the guide's words: happiness and engagement, growth, career.
 * Answers stay the report's own until they turn on sharing.
 */
export const deepDiveTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Your monthly deep dive from Steady.',
  body: [
    {
      type: 'Container',
      style: 'emphasis',
      bleed: true,
      items: [
        { type: 'TextBlock', text: 'Monthly deep dive', size: 'small', weight: 'bolder', color: 'accent' },
        {
          type: 'RichTextBlock',
          spacing: 'none',
          inlines: [{ type: 'TextRun', text: '${month}', size: 'large', weight: 'bolder' }],
        },
      ],
    },
    {
      type: 'TextBlock',
      text: 'Once a month, a few minutes on the bigger picture before your 1:1.',
      wrap: true,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'happiness',
      label: 'How are you feeling about work (1-10)?',
      style: 'compact',
      placeholder: 'Choose 1 to 10',
      isRequired: true,
      errorMessage: 'Choose a number from 1 to 10.',
      choices: Array.from({ length: 10 }, (_, index) => ({
        title: String(index + 1),
        value: String(index + 1),
      })),
    },
    answer('makeItTen', 'What would make it a 10?'),
    answer('learning', 'What did you learn this month? What do you want to learn next?'),
    answer('career', 'Are you still excited about your path? How can your manager help your progression?'),
    {
      type: 'RichTextBlock',
      spacing: 'large',
      inlines: [
        { type: 'TextRun', text: 'Your answers are yours. Share them and ', isSubtle: true },
        { type: 'TextRun', text: '${managerName}', isSubtle: true },
        { type: 'TextRun', text: ' sees them, and your score joins the monthly trend.', isSubtle: true },
      ],
    },
    {
      type: 'Input.Toggle',
      id: 'share',
      title: 'Share my answers with my manager',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Submit',
      verb: 'submitDeepDive',
      style: 'positive',
      data: { pairId: '${pairId}', occurrenceId: '${occurrenceId}' },
    },
  ],
};
