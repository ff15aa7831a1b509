/** A line of subtle, wrapped guidance text (markdown: only for fixed text, never what a person typed). */
export const subtle = (text: string, when?: string): object => ({
  type: 'TextBlock',
  text,
  isSubtle: true,
  wrap: true,
  spacing: 'small',
  ...(when === undefined ? {} : { $when: when }),
});
