import { CAREER_CONVERSATION_GUIDE, PROMOTION_FRAME } from '../../../shared/domain/guide.js';
import { subtle } from './subtle.js';

const isKind = (kind: 'career' | 'promotion', also = ''): string =>
  `\${conversation.kind == '${kind}'${also === '' ? '' : ` && ${also}`}}`;

/** "Career conversation", or "Promotion conversation: <role>", in bold: the agenda's and the summary's title. */
export const conversationTitle = (size?: 'medium'): object[] =>
  [
    { $when: isKind('career'), text: 'Career conversation' },
    { $when: isKind('promotion'), text: 'Promotion conversation: ' },
    { $when: isKind('promotion'), text: '${conversation.role}' },
  ].map((run) => ({ type: 'TextRun', ...run, weight: 'bolder', ...(size === undefined ? {} : { size }) }));

/** The career conversation guide's steps, each a bold step and its prompts. */
const careerSteps: object[] = CAREER_CONVERSATION_GUIDE.map(({ step, prompts }) => ({
  type: 'RichTextBlock',
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: `${step}: `, weight: 'bolder' },
    { type: 'TextRun', text: prompts.join(' · ') },
  ],
}));

/**
 * A planned career or promotion conversation on an agenda (the guide's chapter 4), for both people: the
 * career guide's steps, or the promotion frame around the role (the manager's words on the manager's
 * card; what to bring on the report's). `when` is the agenda's condition for a live 1:1.
 */
export const conversationGuide = (live: string): object => ({
  type: 'Container',
  $when: `\${exists(conversation) && ${live}}`,
  style: 'accent',
  spacing: 'medium',
  items: [
    {
      type: 'RichTextBlock',
      inlines: [
        ...conversationTitle(),
        { type: 'TextRun', text: ' · planned by ', isSubtle: true },
        { type: 'TextRun', text: '${conversation.plannedBy}', isSubtle: true },
      ],
    },
    { type: 'Container', $when: isKind('career'), spacing: 'none', items: careerSteps },
    {
      type: 'RichTextBlock',
      $when: isKind('promotion', "viewerRole == 'manager'"),
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: '“The ', italic: true },
        { type: 'TextRun', text: '${conversation.role}', italic: true },
        {
          type: 'TextRun',
          text: `${PROMOTION_FRAME.expects} ${PROMOTION_FRAME.evidence} ${PROMOTION_FRAME.plan}”`,
          italic: true,
        },
      ],
    },
    subtle(
      'Be direct about expectations and evidence: name X, Y and Z before the 1:1, and what you have seen for each.',
      isKind('promotion', "viewerRole == 'manager'"),
    ),
    {
      type: 'RichTextBlock',
      $when: isKind('promotion', "viewerRole == 'report'"),
      spacing: 'small',
      inlines: [
        { type: 'TextRun', text: 'What the role expects, where you already meet it, and what ' },
        { type: 'TextRun', text: '${conversation.plannedBy}' },
        { type: 'TextRun', text: ' needs to see next. Bring your own view of the evidence.' },
      ],
    },
    subtle(
      'Agree one goal for this quarter and write it in the growth plan (the Growth plan button): the summary records it.',
    ),
  ],
});
