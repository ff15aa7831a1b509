import type { CardTemplate } from './card-template.js';
import { header } from './header.js';
import { notSavedBanner, textInput } from './form-parts.js';

/** One monthly checkpoint: its date as a literal run (labels are markdown), then its progress note. */
const checkpoint = (n: 1 | 2 | 3): object[] => [
  {
    type: 'RichTextBlock',
    spacing: 'small',
    inlines: [{ type: 'TextRun', text: `\${checkpoint${n}Label}`, weight: 'bolder' }],
  },
  {
    ...textInput(`checkpoint${n}`, 'Progress note', 'Progress so far, and what is next', 500),
    spacing: 'none',
  },
];

/**
 * The pair's growth plan for one quarter, in the guide's words: one goal tied to real work, the support
 * the manager gives, the evidence of progress, and a checkpoint at the end of each month. It is the
 * pair's plan: either person may edit it, and both agendas show its goal and next checkpoint.
 */
export const growthPlanTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Your growth plan for this quarter, from Steady.',
  body: [
    header('Growth plan', ['${quarterLabel}', ' · with ', '${otherName}']),
    {
      type: 'TextBlock',
      text: 'A map, not a form: one goal for the quarter tied to real work, the support to get there, and how you will both know. You can both edit it.',
      wrap: true,
      isSubtle: true,
      spacing: 'small',
    },
    {
      type: 'Container',
      $when: "${state == 'saved' && exists(savedBy)}",
      style: 'good',
      items: [
        {
          type: 'RichTextBlock',
          inlines: [
            { type: 'TextRun', text: 'Saved. Last edited by ' },
            { type: 'TextRun', text: '${savedBy}' },
            { type: 'TextRun', text: '; it is on both of your agendas.' },
          ],
        },
      ],
    },
    notSavedBanner,
    textInput(
      'goal',
      'Goal: what will you grow this quarter?',
      'Lead the design of the billing migration',
      1000,
      'Write the one goal for this quarter.',
    ),
    textInput(
      'support',
      'Support: what help will you get?',
      'A design review with a staff engineer each sprint',
      1000,
    ),
    textInput(
      'evidence',
      'Evidence: how will you both know?',
      'The design doc approved and the first milestone shipped',
      1000,
    ),
    { type: 'TextBlock', text: 'Monthly checkpoints', weight: 'bolder', spacing: 'medium' },
    ...checkpoint(1),
    ...checkpoint(2),
    ...checkpoint(3),
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Save',
      verb: 'saveGrowthPlan',
      style: 'positive',
      data: { pairId: '${pairId}', quarter: '${quarter}' },
    },
  ],
};
