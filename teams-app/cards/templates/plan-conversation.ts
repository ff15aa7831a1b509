import type { CardTemplate } from './card-template.js';
import { header, headerLine } from './header.js';
import { notSavedBanner } from './form-parts.js';

const planned = (kind: 'career' | 'promotion', what: string): object => ({
  type: 'Container',
  $when: `\${kind == '${kind}' && !exists(problem)}`,
  style: 'good',
  items: [
    {
      type: 'TextBlock',
      text: `Planned: ${what}. Its agenda carries the guide for it, for you both.`,
      wrap: true,
    },
  ],
});

/**
 * The manager plans a career or promotion conversation (the guide's chapter 4) for their next 1:1 with
 * a report, from the agenda. Choosing "No conversation" removes a plan.
 */
export const planConversationTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Plan a career or promotion conversation, from Steady.',
  body: [
    header(
      'Career conversation',
      ['Next 1:1 with ', '${otherName}'],
      headerLine({ type: 'TextRun', text: '${when}', isSubtle: true }),
    ),
    {
      type: 'TextBlock',
      text: 'Be direct about expectations and evidence. Plan the conversation and its agenda brings the questions, so you both come prepared, and its summary records the goal you agree for the quarter.',
      wrap: true,
      isSubtle: true,
      spacing: 'small',
    },
    planned('career', 'a career conversation'),
    planned('promotion', 'a promotion conversation'),
    notSavedBanner,
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: 'Which conversation?',
      style: 'expanded',
      value: "${if(kind == 'none', '', kind)}",
      isRequired: true,
      errorMessage: 'Choose one.',
      choices: [
        { title: 'Career: aspirations, where they are now, and a plan', value: 'career' },
        { title: 'Promotion: what the role expects, and the evidence', value: 'promotion' },
        { title: 'No conversation (remove the plan)', value: 'none' },
      ],
    },
    {
      type: 'Input.Text',
      id: 'role',
      label: 'The role, for a promotion conversation',
      placeholder: 'e.g. Senior engineer',
      value: '${role}',
      maxLength: 100,
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Plan it',
      verb: 'planConversation',
      style: 'positive',
      data: { pairId: '${pairId}', occurrenceId: '${occurrenceId}' },
    },
  ],
};
