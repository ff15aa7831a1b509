import type { CardTemplate } from './card-template.js';
import { header, headerLine } from './header.js';
import { actionItemRows } from './action-item-rows.js';
import { agendaInputs } from './agenda-inputs.js';
import { conversationGuide } from './conversation-guide.js';
import { labelled } from './labelled.js';
import { rolesQuestion } from './roles-question.js';
import { feedbackRows } from './feedback-rows.js';
import { moreLine } from './more-line.js';
import { sectionHeading } from './section-heading.js';
import { subtle } from './subtle.js';
import { topicRows } from './topic-rows.js';

const isLive = "state != 'cancelled' && state != 'declined'";
const live = `\${${isLive}}`;
const viewerIs = (role: 'manager' | 'report', also?: string): string =>
  `\${viewerRole == '${role}'${also === undefined ? '' : ` && ${also}`}}`;
const otherNames = (detail: string, when: string): object =>
  sectionHeading(
    [{ type: 'TextRun', text: '${otherName}', weight: 'bolder', size: 'medium' }, "'s items"],
    detail,
    when,
  );
/** Up, down or level against the month before. */
const previous = '$root.happinessTrend[$index - 1].happiness';
const arrow = `\${if($index == 0, '', if(happiness > ${previous}, ' ↑', if(happiness < ${previous}, ' ↓', ' →')))}`;
const sharedAnswer = (title: string, field: string): object => ({
  type: 'RichTextBlock',
  $when: `\${exists(sharedAnswers.${field})}`,
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: `${title} `, weight: 'bolder' },
    { type: 'TextRun', text: `\${sharedAnswers.${field}}` },
  ],
});
/**
 * A button that opens another card in the chat; it sends no input, so the topic box need not be filled.
 * It sits in the overflow menu (`mode: secondary`): at Teams' narrow widths only Join shows beside it.
 */
const open = (title: string, card: string, when: string): object => ({
  type: 'Action.Execute',
  mode: 'secondary',
  $when: when,
  title,
  verb: 'open',
  associatedInputs: 'none',
  data: { pairId: '${pairId}', occurrenceId: '${occurrenceId}', card },
});

/**
 * The agenda, in the order of the guide's weekly template: their items (15 min), growth and
 * development (10), feedback (5), the manager's items if time; then open action items, one suggested
 * question (on the manager's card, with one coaching tip) and, on the month's first 1:1, the deep-dive
 * questions (and, on the manager's card, the happiness scores and latest answers the report chose to
 * share).
 */
export const agendaTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Your 1:1 agenda from Steady.',
  body: [
    header(
      'Agenda',
      ['1:1 with ', '${otherName}'],
      headerLine(
        { type: 'TextRun', text: '${when}', isSubtle: true },
        { type: 'TextRun', $when: '${deepDive}', text: ' · Monthly deep dive', color: 'accent' },
      ),
    ),
    {
      type: 'Container',
      $when: "${state == 'cancelled'}",
      style: 'attention',
      items: [
        { type: 'TextBlock', text: 'Cancelled', size: 'large', weight: 'bolder', color: 'attention' },
        {
          type: 'TextBlock',
          text: 'This 1:1 was cancelled. Open topics and action items move to the next one.',
          wrap: true,
        },
      ],
    },
    {
      type: 'Container',
      $when: "${state == 'declined'}",
      style: 'attention',
      items: [
        { type: 'TextBlock', text: 'Declined', size: 'large', weight: 'bolder', color: 'attention' },
        {
          type: 'RichTextBlock',
          $when: '${!exists(declined.seriesFrom)}',
          inlines: [
            { type: 'TextRun', text: '${declined.byName}' },
            {
              type: 'TextRun',
              text: ' declined this 1:1. Open topics and action items move to the next one.',
            },
          ],
        },
        {
          type: 'RichTextBlock',
          $when: '${exists(declined.seriesFrom)}',
          inlines: [
            { type: 'TextRun', text: '${declined.byName}' },
            { type: 'TextRun', text: ' declined this 1:1 and every one of the series from ' },
            { type: 'TextRun', text: '${declined.seriesFrom}' },
            { type: 'TextRun', text: ' on. Open topics and action items wait for the next 1:1 you hold.' },
          ],
        },
      ],
    },
    {
      type: 'Container',
      $when: "${state == 'moved'}",
      style: 'warning',
      items: [{ type: 'TextBlock', text: 'Moved: the time above is the new time.', wrap: true }],
    },
    rolesQuestion,
    sectionHeading(['Your items'], '15 min', viewerIs('report')),
    otherNames('15 min', viewerIs('manager')),
    subtle('Their agenda comes first.', viewerIs('manager', isLive)),
    topicRows('reportTopics', 'agenda'),
    subtle('No topics yet.', '${count(reportTopics) == 0}'),
    sectionHeading(['Growth and development'], '10 min', live),
    subtle(
      'What do you want to learn next? Tie growth to real work: one goal for this quarter, and the ' +
        'projects that build the skill. Growth plan in the … menu below (or type growth) writes the plan.',
      `\${!exists(growth) && ${isLive}}`,
    ),
    labelled(['Goal for ', '${growth.quarter}'], '${growth.goal}', `\${exists(growth) && ${isLive}}`),
    {
      type: 'RichTextBlock',
      $when: `\${exists(growth.nextCheckpoint) && ${isLive}}`,
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: 'Next checkpoint: ', isSubtle: true },
        { type: 'TextRun', text: '${growth.nextCheckpoint}', isSubtle: true },
        { type: 'TextRun', text: ' · press Growth plan to update it', isSubtle: true },
      ],
    },
    labelled(
      ['Checkpoint ', '${checkpoint.label}'],
      '${checkpoint.note}',
      `\${exists(checkpoint) && ${isLive}}`,
    ),
    conversationGuide(isLive),
    sectionHeading(['Feedback'], '5 min', live),
    subtle(
      'Both ways, specific and fair: the situation, the behavior, its impact, and a clear request. ' +
        'Give feedback in the … menu below (or type feedback) writes some.',
      live,
    ),
    {
      type: 'Container',
      $when: `\${count(feedback) > 0 && ${isLive}}`,
      spacing: 'none',
      items: [feedbackRows('feedback')],
    },
    moreLine('moreFeedback', 'feedback', 'feedback', 'small'),
    sectionHeading(['Your items'], 'if time', viewerIs('manager')),
    otherNames('if time', viewerIs('report')),
    topicRows('managerTopics', 'agenda'),
    subtle('No topics yet.', '${count(managerTopics) == 0}'),
    moreLine('moreTopics', 'topic', 'topics', 'medium'),
    sectionHeading(['Open action items'], 'carried over', '${count(actionItems) > 0 || moreActions > 0}'),
    actionItemRows('actionItems', 'agenda'),
    moreLine('moreActions', 'action item', 'action items', 'default'),
    sectionHeading(['Suggested question'], undefined, live),
    {
      type: 'RichTextBlock',
      $when: live,
      inlines: [{ type: 'TextRun', text: '${suggestedQuestion}', italic: true }],
    },
    {
      // Only the manager's data carries a tip: the card data refuses one on the report's agenda.
      type: 'Container',
      $when: `\${exists(coachingTip) && ${isLive}}`,
      style: 'emphasis',
      spacing: 'medium',
      items: [
        {
          type: 'RichTextBlock',
          inlines: [
            { type: 'TextRun', text: 'Coaching tip', weight: 'bolder' },
            { type: 'TextRun', text: ' · only you see this', isSubtle: true },
          ],
        },
        {
          type: 'RichTextBlock',
          spacing: 'small',
          inlines: [{ type: 'TextRun', text: '${coachingTip}' }],
        },
      ],
    },
    {
      type: 'Container',
      $when: `\${deepDive && ${isLive}}`,
      style: 'accent',
      spacing: 'large',
      items: [
        { type: 'TextBlock', text: 'Monthly deep dive', weight: 'bolder', size: 'medium' },
        subtle('The first 1:1 of the month: step back from the week and look at the bigger picture.'),
        {
          type: 'RichTextBlock',
          $data: '${deepDiveQuestions}',
          spacing: 'small',
          inlines: [{ type: 'TextRun', text: '• ${$data}' }],
        },
        {
          type: 'RichTextBlock',
          // Only the manager's card shows what the report shared (the data is empty for the report, too).
          $when: viewerIs('manager', 'exists(happinessTrend) && count(happinessTrend) > 0'),
          spacing: 'medium',
          inlines: [
            { type: 'TextRun', text: 'Happiness, shared: ', weight: 'bolder' },
            {
              type: 'TextRun',
              $data: '${happinessTrend}',
              text: `\${if($index == 0, '', ' · ')}\${label} \${happiness}${arrow}`,
            },
          ],
        },
        {
          type: 'Container',
          $when: viewerIs('manager', 'exists(sharedAnswers)'),
          spacing: 'medium',
          items: [
            {
              type: 'RichTextBlock',
              inlines: [
                { type: 'TextRun', text: 'Their shared answers', weight: 'bolder' },
                { type: 'TextRun', text: ' · ', isSubtle: true },
                { type: 'TextRun', text: '${sharedAnswers.label}', isSubtle: true },
              ],
            },
            sharedAnswer('What would make it a 10?', 'makeItTen'),
            sharedAnswer('Learning:', 'learning'),
            sharedAnswer('Career:', 'career'),
          ],
        },
      ],
    },
    agendaInputs(live),
  ],
  actions: [
    // the event's own video call, the one button always in view
    { type: 'Action.OpenUrl', $when: '${exists(joinUrl)}', title: 'Join', url: '${joinUrl}' },
    open('Give feedback', 'feedback', live),
    open('Growth plan', 'growthPlan', live),
    open('Plan a career talk', 'planConversation', viewerIs('manager', `${isLive} && trustedRoles`)),
  ],
};
