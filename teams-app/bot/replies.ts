import { dayOf, type CommandError } from '../../shared/domain/index.js';
import type { AddedItem } from '../../shared/services/one-on-one/add-item.js';
import type { Reply } from './bot-deps.js';

export const HELP_HINT = 'Type "help" to see what I can do.';

/** A clear answer for input that was refused; nothing was stored. */
export function explainCommandError(error: CommandError): string {
  switch (error.code) {
    case 'UNKNOWN':
      return `I don't know "${error.word}". ${HELP_HINT}`;
    case 'MISSING_TEXT':
      return `"${error.command}" needs some text after it, for example: ${error.command} Career path for next quarter`;
    case 'INVALID_TEXT':
      return `I could not save that: the text ${error.reason}. Nothing was saved.`;
    case 'INVALID_NUMBER':
      return `"done" needs the number of an open action item, for example: done 2 (got "${error.given}").`;
    case 'INVALID_DATE':
      return `"by" needs a date like 2026-03-20 (got "${error.given}"). Nothing was saved.`;
    case 'INVALID_QUARTER':
      return `"growth" opens this quarter's plan, or the one you name: growth last, growth next, growth Q1 or growth 2026-Q1 (got "${error.given}").`;
  }
}

/**
 * What was added, and to which 1:1: `label` names it ("1:1 with Dev Patel"), on its day in the reader's
 * `timeZone`; `owner` names the action item's owner.
 */
export function addedReply(added: AddedItem, label: string, owner: string, timeZone: string): Reply {
  const on = `your ${label} on ${dayOf(added.occurrence.start, timeZone)}`;
  switch (added.item.type) {
    case 'topic':
      return { text: `Added to the agenda of ${on}: ${added.item.text}` };
    case 'note':
      return {
        text:
          added.item.visibility === 'private'
            ? `Private note saved on ${on}. Only you will ever see it.`
            : `Note saved on ${on}; you both see it in the summary.`,
      };
    case 'actionItem':
      return {
        text: `Action item on ${on}, for ${owner}${added.item.due ? ` by ${added.item.due}` : ''}: ${added.item.text}`,
      };
  }
}
