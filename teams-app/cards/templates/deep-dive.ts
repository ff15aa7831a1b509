import type { CardTemplate } from './card-template.js';
import { header } from './header.js';
import { labelled } from './labelled.js';

const answer = (id: string, label: string): object => ({
  type: 'Input.Text',
  id,
  label,
  isMultiline: true,
  maxLength: 2000,
  placeholder: 'Optional',
});

const submit = (when: string, checkpoint: object): object => ({
  type: 'Action.Execute',
  $when: when,
  title: 'Submit',
  verb: 'submitDeepDive',
  style: 'positive',
  data: { pairId: '${pairId}', occurrenceId: '${occurrenceId}', ...checkpoint },
});

/**
 * The growth plan's checkpoint of the month just ended, when the pair has a plan for it. Its note is
 * the pair's, unlike the answers: it goes into the plan both of them see, shared or not.
 */
const growthPart: object = {
  type: 'Container',
  $when: '${exists(growth)}',
  separator: true,
  spacing: 'large',
  items: [
    { type: 'TextBlock', text: 'Growth plan', weight: 'bolder' },
    labelled(['Goal'], '${growth.goal}'),
    {
      type: 'RichTextBlock',
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: 'Checkpoint ', weight: 'bolder' },
        { type: 'TextRun', text: '${growth.checkpointLabel}', weight: 'bolder' },
      ],
    },
    {
      type: 'Input.Text',
      id: 'checkpoint',
      label: 'How did this month go toward the goal?',
      placeholder: 'Optional: progress so far, and what is next',
      value: '${growth.note}',
      isMultiline: true,
      maxLength: 500,
      spacing: 'none',
    },
    {
      type: 'RichTextBlock',
      inlines: [
        {
          type: 'TextRun',
          text: 'Unlike your answers, this note is not private: it goes into the growth plan you and ',
          isSubtle: true,
        },
        { type: 'TextRun', text: '${managerName}', isSubtle: true },
        { type: 'TextRun', text: ' both see, whether or not you share your answers.', isSubtle: true },
      ],
    },
  ],
};

/**
 * The report's monthly deep dive, in the guide's words: happiness and engagement, growth, career.
 * Answers stay the report's own until they turn on sharing; the growth plan checkpoint note does not.
 */
export const deepDiveTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Your monthly deep dive from Steady.',
  body: [
    header('Monthly deep dive', ['${month}']),
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
    growthPart,
  ],
  actions: [
    // With a growth part, Submit also names the checkpoint it asks about; the server checks it.
    submit('${exists(growth)}', { quarter: '${growth.quarter}', index: '${growth.index}' }),
    submit('${!exists(growth)}', {}),
  ],
};
