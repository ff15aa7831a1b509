import { z } from 'zod';
import { err, ok, type Result } from './result.js';
import { TOPIC_MAX_LENGTH } from './topic.js';
import { NOTE_MAX_LENGTH } from './note.js';
import { FEEDBACK_PART_MAX } from './feedback.js';
import { parseQuarterChoice, type QuarterChoice } from './growth-plan.js';
import { UserText } from './common.js';

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

const words: Record<string, (rest: string) => Result<Command, CommandError>> = {
  help: () => ok({ kind: 'help' }),
  '?': () => ok({ kind: 'help' }),
  agenda: () => ok({ kind: 'agenda' }),
  add: (rest) => withText('add', rest, TOPIC_MAX_LENGTH, (text) => ({ kind: 'addTopic', text })),
  topic: (rest) => withText('topic', rest, TOPIC_MAX_LENGTH, (text) => ({ kind: 'addTopic', text })),
  note: (rest) =>
    withText('note', rest, NOTE_MAX_LENGTH, (text) => ({ kind: 'note', text, visibility: 'shared' })),
  private: (rest) =>
    withText('private', rest, NOTE_MAX_LENGTH, (text) => ({ kind: 'note', text, visibility: 'private' })),
  action: parseAction,
  feedback: (rest) => {
    const behavior = rest.trim().slice(0, FEEDBACK_PART_MAX);
    return ok({ kind: 'feedback', ...(behavior === '' ? {} : { behavior }) });
  },
  growth: (rest) => {
    const given = rest.trim();
    if (given === '') return ok({ kind: 'growth' });
    const quarter = parseQuarterChoice(given);
    return quarter === undefined
      ? err({ code: 'INVALID_QUARTER', given: given.slice(0, 40) })
      : ok({ kind: 'growth', quarter });
  },
  digest: () => ok({ kind: 'digest' }),
  done: (rest) => {
    const given = rest.replace(/^#/, '').trim();
    if (!/^\d{1,4}$/.test(given) || Number(given) < 1)
      return err({ code: 'INVALID_NUMBER', given: rest.trim().slice(0, 40) });
    return ok({ kind: 'done', number: Number(given) });
  },
  pause: () => ok({ kind: 'tracking', tracking: 'paused' }),
  export: () => ok({ kind: 'export' }),
  // "delete my data": only these words, so "delete 3" is not taken for it (it asks first anyway)
  delete: (rest) =>
    /^(my data|me|everything|all my data)?$/i.test(rest.trim())
      ? ok({ kind: 'erase' })
      : err({ code: 'UNKNOWN', word: 'delete' }),
  resume: () => ok({ kind: 'tracking', tracking: 'active' }),
};

/**
 * Reads a chat message: the first word picks the command (any case, a leading `/` and a trailing
 * `:` forgiven), the rest is its text. Unknown words are an error the bot answers with help.
 */
export function parseCommand(input: string): Result<Command, CommandError> {
  const trimmed = input.replace(/\u00a0/g, ' ').trim();
  const match = /^\/?([^\s:]+):?\s*([\s\S]*)$/.exec(trimmed);
  const word = (match?.[1] ?? '').toLowerCase();
  // own keys only: "constructor" or "__proto__" must not find Object.prototype's members
  const handler = Object.hasOwn(words, word) ? words[word] : undefined;
  if (handler === undefined) return err({ code: 'UNKNOWN', word: word.slice(0, 40) });
  return handler(match?.[2] ?? '');
}

function withText(
  command: string,
  rest: string,
  max: number,
  make: (text: string) => Command,
): Result<Command, CommandError> {
  if (rest.trim() === '') return err({ code: 'MISSING_TEXT', command });
  const text = UserText(max).safeParse(rest);
  if (!text.success)
    return err({ code: 'INVALID_TEXT', command, reason: text.error.issues[0]?.message ?? 'invalid' });
  return ok(make(text.data));
}

const DueDate = z.iso.date();

const ACTION_INPUT_MAX = 1000;

/** `action [@Name] <text> [by <YYYY-MM-DD>]`. */
function parseAction(rest: string): Result<Command, CommandError> {
  let text = rest.trim();
  // far past any valid action (500 characters, an @owner, a date): refused before the regexes run
  if (text.length > ACTION_INPUT_MAX)
    return err({ code: 'INVALID_TEXT', command: 'action', reason: 'must be at most 500 characters' });
  let owner: string | undefined;
  let due: string | undefined;
  const mention = /^@(\S+)(?:\s+|$)/.exec(text);
  if (mention) {
    owner = mention[1];
    text = text.slice(mention[0].length);
  }
  const by = /\s+by\s+(\S+)\s*$/i.exec(text);
  if (by) {
    const date = by[1] ?? '';
    if (!DueDate.safeParse(date).success) return err({ code: 'INVALID_DATE', given: date.slice(0, 40) });
    due = date;
    text = text.slice(0, by.index);
  }
  return withText('action', text, 500, (valid) => ({
    kind: 'action',
    text: valid,
    ...(owner === undefined ? {} : { owner }),
    ...(due === undefined ? {} : { due }),
  }));
}
