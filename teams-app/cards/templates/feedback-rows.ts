/** One SBI part as a line, "Behavior: …", when the feedback has it. */
const part = (title: string, field: string): object => ({
  type: 'RichTextBlock',
  ...(field === 'situation' || field === 'impact' ? { $when: `\${exists(${field})}` } : {}),
  spacing: 'none',
  inlines: [
    { type: 'TextRun', text: `${title}: `, isSubtle: true },
    { type: 'TextRun', text: `\${${field}}` },
  ],
});

/**
 * The feedback of `list` (`FeedbackView`s): "From Maria Lopez", marked when it is the viewer's
 * draft, then its situation, behavior, impact and request, one line each. Text is in TextRuns, so what
 * people typed stays literal.
 */
export const feedbackRows = (list: string): object => ({
  type: 'Container',
  $data: `\${${list}}`,
  spacing: 'small',
  items: [
    {
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: 'From ' },
        { type: 'TextRun', text: '${authorName}', weight: 'bolder' },
        {
          type: 'TextRun',
          $when: '${draft}',
          text: ' · draft, only you see this',
          isSubtle: true,
          italic: true,
        },
      ],
    },
    part('Situation', 'situation'),
    part('Behavior', 'behavior'),
    part('Impact', 'impact'),
    part('Request', 'request'),
  ],
});
