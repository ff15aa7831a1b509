/**
 * "Label: value" on one line: the label in bold, its parts as TextRuns (so a bound part stays literal),
 * then the value as written. Without `when`, always shown.
 */
export const labelled = (label: readonly string[], value: string, when?: string): object => ({
  type: 'RichTextBlock',
  ...(when === undefined ? {} : { $when: when }),
  spacing: 'small',
  inlines: [
    ...[...label, ': '].map((text) => ({ type: 'TextRun', text, weight: 'bolder' })),
    { type: 'TextRun', text: value },
  ],
});
