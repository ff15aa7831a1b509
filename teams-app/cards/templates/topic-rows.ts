/**
 * One row per topic of the list at `list` ("1. text", then covered / carried over). On the agenda an
 * open topic gets a "Mark covered" button; the summary shows who brought it instead.
 */
export const topicRows = (list: string, mode: 'agenda' | 'summary'): object => ({
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
            { type: 'TextRun', text: '${text}', strikethrough: '${covered}' },
          ],
        },
        {
          type: 'RichTextBlock',
          spacing: 'none',
          ...(mode === 'agenda' ? { $when: '${carriedOver || covered}' } : {}),
          inlines: [
            ...(mode === 'summary'
              ? [
                  { type: 'TextRun', text: 'from ', isSubtle: true, size: 'small' },
                  { type: 'TextRun', text: '${authorName}', isSubtle: true, size: 'small' },
                ]
              : []),
            {
              type: 'TextRun',
              $when: '${carriedOver}',
              text: mode === 'summary' ? ' · carried over from an earlier 1:1' : 'carried over',
              isSubtle: true,
              size: 'small',
            },
            ...(mode === 'agenda'
              ? [
                  {
                    type: 'TextRun',
                    $when: '${covered}',
                    text: '${if(carriedOver, " · covered", "covered")}',
                    isSubtle: true,
                    size: 'small',
                  },
                ]
              : []),
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
            $when: "${!covered && $root.state != 'cancelled' && $root.state != 'declined'}",
            items: [
              {
                type: 'ActionSet',
                actions: [
                  {
                    type: 'Action.Execute',
                    title: 'Mark covered',
                    verb: 'markCovered',
                    associatedInputs: 'none',
                    data: { pairId: '${$root.pairId}', topicId: '${id}' },
                  },
                ],
              },
            ],
          },
        ]
      : []),
  ],
});
