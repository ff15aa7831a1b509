/** Parts of the cards people fill in (feedback, growth plan). */

/** A multi-line text box bound to the data field `id`, so a refused card comes back as typed. */
export const textInput = (
  id: string,
  label: string,
  placeholder: string,
  maxLength: number,
  required?: string,
): object => ({
  type: 'Input.Text',
  id,
  label,
  placeholder,
  value: `\${${id}}`,
  isMultiline: true,
  maxLength,
  ...(required === undefined ? {} : { isRequired: true, errorMessage: required }),
});

/** "Not saved." and the reason, when the data has a `problem`. */
export const notSavedBanner: object = {
  type: 'Container',
  $when: '${exists(problem)}',
  style: 'attention',
  items: [
    {
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: 'Not saved. ', weight: 'bolder' },
        { type: 'TextRun', text: '${problem}' },
      ],
    },
  ],
};
