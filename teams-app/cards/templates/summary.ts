import type { CardTemplate } from './card-template.js';
import { header, headerLine } from './header.js';
import { actionItemRows } from './action-item-rows.js';
import { conversationTitle } from './conversation-guide.js';
import { feedbackRows } from './feedback-rows.js';
import { labelled } from './labelled.js';
import { moreLine } from './more-line.js';
import { sectionHeading } from './section-heading.js';
import { topicRows } from './topic-rows.js';

const none = (text: string, list: string): object => ({
  type: 'TextBlock',
  text,
  isSubtle: true,
  spacing: 'small',
  $when: `\${count(${list}) == 0}`,
});

/** A planned career or promotion conversation: the goal agreed for the quarter, as the growth plan has it. */
const agreedGoal: object[] = [
  {
    type: 'RichTextBlock',
    $when: '${exists(conversation)}',
    spacing: 'large',
    inlines: conversationTitle('medium'),
  },
  labelled(
    ['Agreed goal for ', '${conversation.quarter}'],
    '${conversation.goal}',
    '${exists(conversation.goal)}',
  ),
  {
    type: 'RichTextBlock',
    $when: '${exists(conversation) && !exists(conversation.goal)}',
    spacing: 'small',
    inlines: [
      { type: 'TextRun', text: 'No goal for ', isSubtle: true },
      { type: 'TextRun', text: '${conversation.quarter}', isSubtle: true },
      {
        type: 'TextRun',
        text: ' is written down yet. Type growth to write the one goal you agreed in your growth plan.',
        isSubtle: true,
      },
    ],
  },
];

/** After a 1:1: what was covered and carried over, notes, action items and when the next one is. */
export const summaryTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Your 1:1 summary from Steady.',
  body: [
    header(
      'Summary',
      ['1:1 with ', '${otherName}'],
      headerLine({ type: 'TextRun', text: '${when}', isSubtle: true }),
    ),
    {
      type: 'Container',
      $when: "${held.state == 'notHeld'}",
      style: 'warning',
      spacing: 'medium',
      items: [
        {
          type: 'RichTextBlock',
          inlines: [
            { type: 'TextRun', text: 'This 1:1 did not happen', weight: 'bolder' },
            { type: 'TextRun', text: ' · said by ' },
            { type: 'TextRun', text: '${held.byName}' },
            { type: 'TextRun', text: ' on ' },
            { type: 'TextRun', text: '${held.on}' },
          ],
        },
        {
          type: 'TextBlock',
          text: 'It counts as a missed 1:1, as a cancelled one does.',
          isSubtle: true,
          wrap: true,
          spacing: 'small',
        },
      ],
    },
    sectionHeading(['Covered']),
    topicRows('covered', 'summary'),
    none('No topics were marked covered.', 'covered'),
    sectionHeading(['Carried over to next time'], undefined, '${count(carriedOver) > 0}'),
    topicRows('carriedOver', 'summary'),
    moreLine('moreTopics', 'topic', 'topics'),
    sectionHeading(['Notes']),
    {
      type: 'RichTextBlock',
      $data: '${notes}',
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: '${authorName}', weight: 'bolder' },
        {
          type: 'TextRun',
          $when: '${private}',
          text: ' (private, only you see this)',
          isSubtle: true,
          italic: true,
        },
        { type: 'TextRun', text: ': ' },
        { type: 'TextRun', text: '${text}' },
      ],
    },
    moreLine('moreNotes', 'note', 'notes'),
    none('No notes.', 'notes'),
    sectionHeading(['Feedback'], 'shared', '${count(feedback) > 0}'),
    feedbackRows('feedback'),
    moreLine('moreFeedback', 'feedback', 'feedback'),
    ...agreedGoal,
    sectionHeading(['Action items']),
    actionItemRows('actionItems', 'summary'),
    moreLine('moreActions', 'action item', 'action items'),
    none('No action items.', 'actionItems'),
    sectionHeading(['Next 1:1']),
    {
      type: 'RichTextBlock',
      $when: '${exists(next)}',
      spacing: 'small',
      inlines: [{ type: 'TextRun', text: '${next}' }],
    },
    {
      type: 'TextBlock',
      $when: '${!exists(next)}',
      text: 'None on the calendar yet.',
      isSubtle: true,
      spacing: 'small',
    },
    {
      type: 'TextBlock',
      $when: "${held.state == 'ask'}",
      text: 'Did this 1:1 happen?',
      weight: 'bolder',
      spacing: 'large',
    },
    {
      type: 'TextBlock',
      $when: "${held.state == 'ask'}",
      text: 'If it stayed on the calendar but did not take place, say so: it then counts as missed.',
      isSubtle: true,
      wrap: true,
      spacing: 'small',
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      $when: "${held.state == 'ask'}",
      title: "It didn't happen",
      verb: 'notHeld',
      data: { pairId: '${held.pairId}', occurrenceId: '${held.occurrenceId}' },
    },
  ],
};
