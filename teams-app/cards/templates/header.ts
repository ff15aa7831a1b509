/** A piece of a title: a template string (a large bold TextRun) or a TextRun of its own. */
type TitleRun = string | { readonly type: 'TextRun'; readonly [key: string]: unknown };

/**
 * The band at the top of a card: the kind of card in small accent letters, the title in large bold, then
 * any lines below it (when, a note). Data goes only into the title's TextRuns, which Teams keeps literal.
 */
export const header = (kind: string, title: readonly TitleRun[], ...below: readonly object[]): object => ({
  type: 'Container',
  style: 'emphasis',
  bleed: true,
  items: [
    { type: 'TextBlock', text: kind, size: 'small', weight: 'bolder', color: 'accent' },
    {
      type: 'RichTextBlock',
      spacing: 'none',
      inlines: title.map((run) =>
        typeof run === 'string' ? { type: 'TextRun', text: run, size: 'large', weight: 'bolder' } : run,
      ),
    },
    ...below,
  ],
});

/** A subtle line under a header's title, e.g. when the 1:1 is. */
export const headerLine = (...inlines: readonly object[]): object => ({
  type: 'RichTextBlock',
  spacing: 'none',
  inlines,
});
