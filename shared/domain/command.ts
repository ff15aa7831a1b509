import { parseAction, withText } from './command-parts.js';
import { FEEDBACK_PART_MAX } from './feedback.js';
import { parseQuarterChoice, type QuarterChoice } from './growth-plan.js';
import { NOTE_MAX_LENGTH } from './note.js';
import { err, ok, type Result } from './result.js';
import { TOPIC_MAX_LENGTH } from './topic.js';

/** What a person can type in their personal chat with Steady. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'agenda' }
  | { readonly kind: 'addTopic'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string; readonly visibility: 'shared' | 'private' }
  | { readonly kind: 'action'; readonly text: string; readonly owner?: string; readonly due?: string }
  /** Opens the SBI feedback card for the other person of the 1:1; any text after it starts the Behavior. */
  | { readonly kind: 'feedback'; readonly behavior?: string }
  /** Opens the pair's growth plan card for the current quarter, or the one named (`last`, `next`, `Q1`, `2026-Q1`). */
  | { readonly kind: 'growth'; readonly quarter?: QuarterChoice }
  /** The manager's trust digest now (a report is told it is for managers). */
  | { readonly kind: 'digest' }
  | { readonly kind: 'done'; readonly number: number }
  | { readonly kind: 'tracking'; readonly tracking: 'active' | 'paused' }
  | { readonly kind: 'erase' }
  | { readonly kind: 'export' };

export type CommandError =
  | { readonly code: 'UNKNOWN'; readonly word: string }
  | { readonly code: 'MISSING_TEXT'; readonly command: string }
  | { readonly code: 'INVALID_TEXT'; readonly command: string; readonly reason: string }
  | { readonly code: 'INVALID_NUMBER'; readonly given: string }
  | { readonly code: 'INVALID_DATE'; readonly given: string }
  | { readonly code: 'INVALID_QUARTER'; readonly given: string };

/** One chat command: how it is typed, what help and Teams' menu say of it, how it is read and written back. */
export interface CommandWord {
  /** The word that starts it (any case; a leading `/` and a trailing `:` are forgiven). */
  readonly word: string;
  /** Other words for the same command. */
  readonly aliases?: readonly string[];
  /** How it is written, as the help card shows it. */
  readonly usage: string;
  /** What it does, on the help card. */
  readonly help: string;
  /** Its line in Teams' command menu, the manifest's command list (Teams shows at most 10). */
  readonly menu?: string;
  /** The rest of the message after the word, read into the command. */
  readonly parse: (rest: string) => Result<Command, CommandError>;
  /** A command this word reads, written back so that `parse` reads the same command; else undefined. */
  readonly replay: (command: Command) => string | undefined;
}

const plain = (word: string, kind: 'help' | 'agenda' | 'digest' | 'export') => ({
  parse: () => ok({ kind }),
  replay: (command: Command) => (command.kind === kind ? word : undefined),
});

/**
 * Every chat command, in the order help and Teams' menu list them. The parser, the message a "which
 * 1:1?" card runs again, the help card and (checked by test/unit/command-agreement.test.ts) the Teams
 * manifest's command list and the README's command table all come from here.
 */
export const COMMANDS: readonly CommandWord[] = [
  {
    word: 'help',
    aliases: ['?'],
    usage: 'help',
    help: 'show this list',
    menu: 'Show what Steady can do and every command',
    ...plain('help', 'help'),
  },
  {
    word: 'agenda',
    usage: 'agenda',
    help: 'show the agenda of your next 1:1',
    menu: 'Show the agenda of your next 1:1',
    ...plain('agenda', 'agenda'),
  },
  {
    word: 'add',
    aliases: ['topic'],
    usage: 'add <topic>',
    help: 'add a topic to your next 1:1 (also: topic <topic>)',
    menu: 'Add a topic to your next 1:1, e.g. add Career path for next quarter',
    parse: (rest) => withText('add', rest, TOPIC_MAX_LENGTH, (text) => ({ kind: 'addTopic', text })),
    replay: (command) => (command.kind === 'addTopic' ? `add ${command.text}` : undefined),
  },
  {
    word: 'note',
    usage: 'note <text>',
    help: 'add a note you both see',
    menu: 'Add a shared note to your 1:1, seen by both of you',
    parse: (rest) =>
      withText('note', rest, NOTE_MAX_LENGTH, (text) => ({ kind: 'note', text, visibility: 'shared' })),
    replay: (command) =>
      command.kind === 'note' && command.visibility === 'shared' ? `note ${command.text}` : undefined,
  },
  {
    word: 'private',
    usage: 'private <text>',
    help: 'add a private note: only you ever see it',
    menu: 'Add a private note to your 1:1: only you will ever see it',
    parse: (rest) =>
      withText('private', rest, NOTE_MAX_LENGTH, (text) => ({ kind: 'note', text, visibility: 'private' })),
    replay: (command) =>
      command.kind === 'note' && command.visibility === 'private' ? `private ${command.text}` : undefined,
  },
  {
    word: 'action',
    usage: 'action [@Name] <text> [by <date>]',
    help: 'add an action item for you or for @Name, due by a date like 2026-03-20',
    menu: 'Add an action item: action [@Name] <text> [by YYYY-MM-DD]',
    parse: parseAction,
    replay: (command) =>
      command.kind === 'action'
        ? [
            'action',
            ...(command.owner === undefined ? [] : [`@${command.owner}`]),
            command.text,
            ...(command.due === undefined ? [] : [`by ${command.due}`]),
          ].join(' ')
        : undefined,
  },
  {
    word: 'done',
    usage: 'done <n>',
    help: 'mark action item n done (the numbers are on the agenda)',
    menu: 'Mark an action item done by its number, e.g. done 2',
    parse: (rest) => {
      const given = rest.replace(/^#/, '').trim();
      if (!/^\d{1,4}$/.test(given) || Number(given) < 1)
        return err({ code: 'INVALID_NUMBER', given: rest.trim().slice(0, 40) });
      return ok({ kind: 'done', number: Number(given) });
    },
    replay: (command) => (command.kind === 'done' ? `done ${command.number}` : undefined),
  },
  {
    word: 'feedback',
    usage: 'feedback',
    help: 'give the other person of your 1:1 feedback: situation, behavior, impact, request',
    menu: 'Give the other person SBI feedback: situation, behavior, impact, request',
    parse: (rest) => {
      const behavior = rest.trim().slice(0, FEEDBACK_PART_MAX);
      return ok({ kind: 'feedback', ...(behavior === '' ? {} : { behavior }) });
    },
    replay: (command) =>
      command.kind !== 'feedback'
        ? undefined
        : command.behavior === undefined
          ? 'feedback'
          : `feedback ${command.behavior}`,
  },
  {
    word: 'growth',
    usage: 'growth [last | next | Q1]',
    help: 'your growth plan for this quarter (or the one named): goal, support, evidence, monthly checkpoints',
    menu: 'Open your growth plan for this quarter: goal, support, evidence, checkpoints',
    parse: (rest) => {
      const given = rest.trim();
      if (given === '') return ok({ kind: 'growth' });
      const quarter = parseQuarterChoice(given);
      return quarter === undefined
        ? err({ code: 'INVALID_QUARTER', given: given.slice(0, 40) })
        : ok({ kind: 'growth', quarter });
    },
    replay: (command) =>
      command.kind !== 'growth'
        ? undefined
        : command.quarter === undefined
          ? 'growth'
          : `growth ${command.quarter}`,
  },
  {
    word: 'digest',
    usage: 'digest',
    help: 'managers: your trust digest: follow-through, cadence, shared happiness',
    menu: 'Managers: your trust digest (follow-through, cadence, happiness)',
    ...plain('digest', 'digest'),
  },
  {
    word: 'pause',
    usage: 'pause',
    help: 'pause Steady for a 1:1: no agendas or summaries until you resume',
    parse: () => ok({ kind: 'tracking', tracking: 'paused' }),
    replay: (command) => (command.kind === 'tracking' && command.tracking === 'paused' ? 'pause' : undefined),
  },
  {
    word: 'resume',
    usage: 'resume',
    help: 'start agendas and summaries again',
    parse: () => ok({ kind: 'tracking', tracking: 'active' }),
    replay: (command) =>
      command.kind === 'tracking' && command.tracking === 'active' ? 'resume' : undefined,
  },
  {
    word: 'export',
    usage: 'export',
    help: 'get everything Steady keeps that you can see, as a file in this chat',
    ...plain('export', 'export'),
  },
  {
    word: 'delete',
    usage: 'delete my data',
    help: 'delete everything Steady keeps about you (it asks first)',
    // only these words, so "delete 3" is not taken for it (it asks first anyway)
    parse: (rest) =>
      /^(my data|me|everything|all my data)?$/i.test(rest.trim())
        ? ok({ kind: 'erase' })
        : err({ code: 'UNKNOWN', word: 'delete' }),
    replay: (command) => (command.kind === 'erase' ? 'delete my data' : undefined),
  },
];

const byWord = new Map(
  COMMANDS.flatMap((command) => [command.word, ...(command.aliases ?? [])].map((word) => [word, command])),
);

/**
 * Reads a chat message: the first word picks the command (any case, a leading `/` and a trailing
 * `:` forgiven), the rest is its text. Unknown words are an error the bot answers with help.
 */
export function parseCommand(input: string): Result<Command, CommandError> {
  const trimmed = input.replace(/\u00a0/g, ' ').trim();
  const match = /^\/?([^\s:]+):?\s*([\s\S]*)$/.exec(trimmed);
  const word = (match?.[1] ?? '').toLowerCase();
  // a Map, so "constructor" or "__proto__" find nothing
  const command = byWord.get(word);
  if (command === undefined) return err({ code: 'UNKNOWN', word: word.slice(0, 40) });
  return command.parse(match?.[2] ?? '');
}

/**
 * A command written the way the parser reads it back to the same command: only what the command uses
 * (whatever else was typed changes nothing, and could be long). The "which 1:1?" card runs it again.
 */
export function replayOf(command: Command): string {
  for (const word of COMMANDS) {
    const text = word.replay(command);
    if (text !== undefined) return text;
  }
  throw new Error(`no command word writes ${command.kind}`);
}
