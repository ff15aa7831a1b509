/**
 * One row per action item of the list at `list`: "1. text", then owner and due date. On the agenda an
 * open item gets a "Mark done" button.
 */
export const actionItemRows = (list: string, mode: 'agenda' | 'summary'): object => ({
  type: 'ColumnSet',
  $data: `\${${list}}`,
  spacing: 'small',
  columns: [
    {
      type: 'Column',
      width: 'stretch',
      items: [
        {
          type: 'RichTextBlock',
          inlines: [
            { type: 'TextRun', text: '${number}. ', weight: 'bolder' },
            { type: 'TextRun', text: '${text}', strikethrough: '${done}' },
          ],
        },
        {
          type: 'RichTextBlock',
          spacing: 'none',
          inlines: [
            { type: 'TextRun', text: '${ownerName}', isSubtle: true, size: 'small' },
            { type: 'TextRun', $when: '${exists(due)}', text: ' · due ', isSubtle: true, size: 'small' },
            { type: 'TextRun', $when: '${exists(due)}', text: '${due}', isSubtle: true, size: 'small' },
            { type: 'TextRun', $when: '${done}', text: ' · done', isSubtle: true, size: 'small' },
          ],
        },
      ],
    },
    ...(mode === 'agenda'
      ? [
          {
            type: 'Column',
            width: 'auto',
            verticalContentAlignment: 'center',
            $when: "${!done && $root.state != 'cancelled' && $root.state != 'declined'}",
            items: [
              {
                type: 'ActionSet',
                actions: [
                  {
                    type: 'Action.Execute',
                    title: 'Mark done',
                    verb: 'markDone',
                    associatedInputs: 'none',
                    data: { pairId: '${$root.pairId}', actionItemId: '${id}' },
                  },
                ],
              },
            ],
          },
        ]
      : []),
  ],
});
