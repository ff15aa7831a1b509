import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../shared/domain/index.js';

describe('chat commands', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['  HELP  ', { kind: 'help' }],
    ['/help', { kind: 'help' }],
    ['Agenda', { kind: 'agenda' }],
    ['add Career path for next quarter', { kind: 'addTopic', text: 'Career path for next quarter' }],
    ['ADD:   spaced   out ', { kind: 'addTopic', text: 'spaced   out' }],
    ['topic Promotion timeline', { kind: 'addTopic', text: 'Promotion timeline' }],
    ['note We agreed on X', { kind: 'note', text: 'We agreed on X', visibility: 'shared' }],
    ['private Seems tired', { kind: 'note', text: 'Seems tired', visibility: 'private' }],
    ['action Send the doc', { kind: 'action', text: 'Send the doc' }],
    [
      'action @dev Send the doc by 2026-03-20',
      { kind: 'action', text: 'Send the doc', owner: 'dev', due: '2026-03-20' },
    ],
    ['action review the by-laws', { kind: 'action', text: 'review the by-laws' }],
    ['done 2', { kind: 'done', number: 2 }],
    ['done #3', { kind: 'done', number: 3 }],
    ['pause', { kind: 'tracking', tracking: 'paused' }],
    ['Resume', { kind: 'tracking', tracking: 'active' }],
    [
      'add ${manager} <b>x</b> [link](http://x)',
      { kind: 'addTopic', text: '${manager} <b>x</b> [link](http://x)' },
    ],
  ])('reads "%s"', (input, command) => {
    expect(parseCommand(input)).toEqual({ ok: true, value: command });
  });

  it.each([
    ['hello there', { code: 'UNKNOWN', word: 'hello' }],
    ['', { code: 'UNKNOWN', word: '' }],
    ['add', { code: 'MISSING_TEXT', command: 'add' }],
    ['add    ', { code: 'MISSING_TEXT', command: 'add' }],
    [
      'note \u0007bell',
      { code: 'INVALID_TEXT', command: 'note', reason: 'must not contain control characters' },
    ],
    [
      `add ${'x'.repeat(501)}`,
      { code: 'INVALID_TEXT', command: 'add', reason: 'must be at most 500 characters' },
    ],
    ['done two', { code: 'INVALID_NUMBER', given: 'two' }],
    ['done 0', { code: 'INVALID_NUMBER', given: '0' }],
    ['action Ship it by Friday', { code: 'INVALID_DATE', given: 'Friday' }],
    ['action @dev', { code: 'MISSING_TEXT', command: 'action' }],
  ])('refuses "%s" with a reason', (input, error) => {
    expect(parseCommand(input)).toEqual({ ok: false, error });
  });
});
