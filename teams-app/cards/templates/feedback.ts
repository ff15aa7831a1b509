import type { CardTemplate } from './card-template.js';
import { header } from './header.js';
import { notSavedBanner, textInput } from './form-parts.js';

/** The SBI parts are each at most 1000 characters. */
const input = (id: string, label: string, placeholder: string, required?: string): object =>
  textInput(id, label, placeholder, 1000, required);

const save = (title: string, state: 'draft' | 'shared', style?: string): object => ({
  type: 'Action.Execute',
  title,
  verb: 'saveFeedback',
  ...(style === undefined ? {} : { style }),
  data: { pairId: '${pairId}', feedbackId: '${feedbackId}', state },
});

/**
 * SBI feedback for the other person of a 1:1, in the guide's model: situation, behavior, impact, and a
 * request. The report's card asks the guide's "What feedback do you have for me?" for their manager.
 * A draft is the author's alone; shared, it is on both agendas of the next 1:1 and in its summary.
 */
export const feedbackTemplate: CardTemplate = {
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText: 'Feedback for your 1:1, from Steady.',
  body: [
    header('Feedback', ['For ', '${otherName}']),
    {
      type: 'RichTextBlock',
      $when: "${viewerRole == 'report'}",
      inlines: [
        { type: 'TextRun', text: 'What feedback do you have for me?', weight: 'bolder', italic: true },
        { type: 'TextRun', text: ' · ', isSubtle: true },
        { type: 'TextRun', text: '${otherName}', isSubtle: true },
        { type: 'TextRun', text: ' wants to hear what helps and what gets in the way.', isSubtle: true },
      ],
    },
    {
      type: 'TextBlock',
      text: 'Specific and fair: what happened, what they did, its impact, and what you ask for next time.',
      wrap: true,
      isSubtle: true,
      spacing: 'small',
    },
    {
      type: 'Container',
      $when: "${state == 'draft'}",
      style: 'good',
      items: [{ type: 'TextBlock', text: 'Draft saved. Only you see it until you share it.', wrap: true }],
    },
    notSavedBanner,
    input('situation', 'Situation: when and where?', 'In yesterday’s design review'),
    input(
      'behavior',
      'Behavior: what did they do?',
      'You interrupted the designer several times',
      'Say what they did, something you saw or heard.',
    ),
    input('impact', 'Impact: what did it cause?', 'It was harder to understand their rationale'),
    input(
      'request',
      'Request: what do you ask for next time?',
      'In future reviews, hold questions to the end',
      'Say what you ask for next time.',
    ),
    {
      type: 'RichTextBlock',
      spacing: 'medium',
      inlines: [
        { type: 'TextRun', text: 'A draft is yours alone. Shared, ', isSubtle: true },
        { type: 'TextRun', text: '${otherName}', isSubtle: true },
        {
          type: 'TextRun',
          text: ' sees it on the agenda of your next 1:1 and in its summary.',
          isSubtle: true,
        },
      ],
    },
  ],
  actions: [save('Save as draft', 'draft'), save('Share', 'shared', 'positive')],
};
