/** A section heading as a RichTextBlock, so a name inside it stays literal; `detail` is shown subtle. */
export const sectionHeading = (
  runs: readonly (string | object)[],
  detail?: string,
  when?: string,
): object => ({
  type: 'RichTextBlock',
  spacing: 'large',
  ...(when === undefined ? {} : { $when: when }),
  inlines: [
    ...runs.map((run) =>
      typeof run === 'string' ? { type: 'TextRun', text: run, weight: 'bolder', size: 'medium' } : run,
    ),
    ...(detail === undefined ? [] : [{ type: 'TextRun', text: ` · ${detail}`, isSubtle: true }]),
  ],
});
