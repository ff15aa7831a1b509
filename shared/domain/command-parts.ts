import { z } from 'zod';
import { UserText } from './common.js';
import { err, ok, type Result } from './result.js';
import type { Command, CommandError } from './command.js';

/**
 * A command's text, refused when missing or not within `max` characters of plain text; `make` builds
 * what the text is for (a command, or the item a card's box adds).
 */
export function withText<T = Command>(
  command: string,
  rest: string,
  max: number,
  make: (text: string) => T,
): Result<T, CommandError> {
  if (rest.trim() === '') return err({ code: 'MISSING_TEXT', command });
  const text = UserText(max).safeParse(rest);
  if (!text.success)
    return err({ code: 'INVALID_TEXT', command, reason: text.error.issues[0]?.message ?? 'invalid' });
  return ok(make(text.data));
}

const DueDate = z.iso.date();

/** Why `given` is not a due date as `by` takes it (`2026-03-20`), or undefined when it is one. */
export const dueDateError = (given: string): CommandError | undefined =>
  DueDate.safeParse(given).success ? undefined : { code: 'INVALID_DATE', given: given.slice(0, 40) };

const ACTION_INPUT_MAX = 1000;

/** `action [@Name] <text> [by <YYYY-MM-DD>]`. */
export function parseAction(rest: string): Result<Command, CommandError> {
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
    const refused = dueDateError(date);
    if (refused !== undefined) return err(refused);
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
