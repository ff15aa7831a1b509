/** A piece of a title: a template string (a large bold TextRun) or a TextRun of its own. */
type TitleRun = string | { readonly type: 'TextRun'; readonly [key: string]: unknown };

/**
 * The band at the top of a card: the kind of card in small letters (accent on the usual band), then its
 * items. `warning` is the cadence alert's band.
 */
export const band = (kind: string, style: 'emphasis' | 'warning', ...items: readonly object[]): object => ({
  type: 'Container',
  style,
  bleed: true,
  items: [
    {
      type: 'TextBlock',
      text: kind,
      size: 'small',
      weight: 'bolder',
      ...(style === 'emphasis' ? { color: 'accent' } : {}),
    },
    ...items,
  ],
});

/**
 * A title in large bold. Data goes only into its TextRuns, which Teams keeps literal; `when` shows it only
 * when the expression holds (a card with several possible titles).
 */
export const title = (runs: readonly TitleRun[], when?: string): object => ({
  type: 'RichTextBlock',
  ...(when === undefined ? {} : { $when: when }),
  spacing: 'none',
  inlines: runs.map((run) =>
    typeof run === 'string' ? { type: 'TextRun', text: run, size: 'large', weight: 'bolder' } : run,
  ),
});

/** The usual band: the kind, the title, then any lines below it (when, a note). */
export const header = (kind: string, runs: readonly TitleRun[], ...below: readonly object[]): object =>
  band(kind, 'emphasis', title(runs), ...below);

/** A subtle line under a header's title, e.g. when the 1:1 is. */
export const headerLine = (...inlines: readonly object[]): object => ({
  type: 'RichTextBlock',
  spacing: 'none',
  inlines,
});
