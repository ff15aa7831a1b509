/**
 * "…and 3 more topics not shown here." when the data field `count` is above 0: what a card leaves out
 * to stay within Teams' message size is always counted.
 */
export const moreLine = (count: string, one: string, many: string, spacing = 'small'): object => ({
  type: 'RichTextBlock',
  $when: `\${${count} > 0}`,
  spacing,
  inlines: [
    {
      type: 'TextRun',
      text: `…and \${${count}} more \${if(${count} == 1, '${one}', '${many}')} not shown here.`,
      isSubtle: true,
      italic: true,
    },
  ],
});
