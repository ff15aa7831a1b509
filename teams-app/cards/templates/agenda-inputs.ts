import { NOTE_MAX_LENGTH } from '../../../shared/domain/index.js';
import { subtle } from './subtle.js';

/** One button under its inputs, sending them with the card's ids. */
const submit = (title: string, verb: string): object => ({
  type: 'ActionSet',
  actions: [
    { type: 'Action.Execute', title, verb, data: { pairId: '${pairId}', occurrenceId: '${occurrenceId}' } },
  ],
});

/**
 * What the agenda takes during the meeting, each checked as its chat command is: a topic, a note
 * (shared, or private to its writer) and an action item (owned by the viewer or the other person, with
 * an optional due date). Each button sends every input of the card (Adaptive Cards has no narrower
 * scope), so none is `isRequired`: the bot reads only its own and says when it is empty.
 */
export const agendaInputs = (when: string): object => ({
  type: 'Container',
  $when: when,
  spacing: 'large',
  items: [
    {
      type: 'RichTextBlock',
      $when: '${notes.shared > 0 || notes.private > 0}',
      inlines: [
        { type: 'TextRun', text: 'Notes so far: ', isSubtle: true },
        { type: 'TextRun', text: '${string(notes.shared)}', isSubtle: true },
        { type: 'TextRun', text: ' shared, ', isSubtle: true },
        { type: 'TextRun', text: '${string(notes.private)}', isSubtle: true },
        { type: 'TextRun', text: ' private (yours alone)', isSubtle: true },
      ],
    },
    {
      type: 'Input.Text',
      id: 'topic',
      label: 'Add a topic',
      placeholder: 'e.g. Career path for next quarter',
      maxLength: 500,
    },
    submit('Add topic', 'addTopic'),
    {
      type: 'Input.Text',
      id: 'note',
      label: 'Add a note',
      placeholder: 'e.g. We will try pairing on Fridays',
      isMultiline: true,
      maxLength: NOTE_MAX_LENGTH,
    },
    {
      type: 'Input.Toggle',
      id: 'private',
      title: 'Private: only I will ever see it',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
    submit('Save note', 'addNote'),
    {
      type: 'Input.Text',
      id: 'action',
      label: 'Add an action item',
      placeholder: 'e.g. Send the design doc',
      maxLength: 500,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'owner',
      label: 'Who does it',
      style: 'expanded',
      value: 'me',
      // a fixed title: a choice's title is markdown, so no name a person chose goes in it
      choices: [
        { title: 'Me', value: 'me' },
        { title: 'The other person', value: 'other' },
      ],
    },
    { type: 'Input.Date', id: 'due', label: 'Due (optional)' },
    submit('Add action item', 'addAction'),
    subtle('Or type in this chat: add, note, private, action, done; help lists them all.'),
  ],
});
