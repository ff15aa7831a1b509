/** A command as typed (monospace, literal: `<topic>` must not be read as HTML) and what it does. */
export const commandLine = (command: string, description: string): object => ({
  type: 'RichTextBlock',
  spacing: 'small',
  inlines: [
    { type: 'TextRun', text: command, fontType: 'monospace', weight: 'bolder' },
    { type: 'TextRun', text: ` – ${description}` },
  ],
});
