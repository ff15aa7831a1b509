import { describe, expect, test } from 'vitest';
import {
  Feedback,
  FEEDBACK_PART_MAX,
  canSeeFeedback,
  checkFeedback,
  parseCommand,
} from '../../shared/domain/index.js';

const MARIA = 'maria@contoso.com';
const DEV = 'dev@contoso.com';

const feedback = (state: 'draft' | 'shared'): Feedback =>
  Feedback.parse({
    type: 'feedback',
    id: 'feedback:activity-1',
    pairId: `${MARIA}|${DEV}`,
    occurrenceId: 'occurrence:weekly:2026-03-03T08:00:00.000Z',
    occurrenceStart: '2026-03-03T08:00:00.000Z',
    authorEmail: 'Maria@Contoso.com',
    recipientEmail: DEV,
    behavior: 'You interrupted the designer several times',
    request: 'Hold questions to the end',
    state,
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
  });

describe('SBI feedback is specific, or refused with the reason', () => {
  test('the guide’s example passes, trimmed', () => {
    expect(
      checkFeedback({
        situation: ' In yesterday’s design review ',
        behavior: 'you interrupted the designer multiple times',
        impact: 'it made it harder to understand their rationale',
        request: 'In future reviews, hold questions to the end.',
      }),
    ).toEqual({
      ok: true,
      value: {
        situation: 'In yesterday’s design review',
        behavior: 'you interrupted the designer multiple times',
        impact: 'it made it harder to understand their rationale',
        request: 'In future reviews, hold questions to the end.',
      },
    });
  });

  test('Situation and Impact may be left out', () => {
    expect(checkFeedback({ behavior: 'You shipped it', request: 'Keep going', impact: '  ' })).toEqual({
      ok: true,
      value: { behavior: 'You shipped it', request: 'Keep going' },
    });
  });

  test.each([
    [
      'no Behavior',
      { request: 'Keep going' },
      'behavior',
      'Behavior: say what they did, something you saw or heard, not a trait.',
    ],
    [
      'a blank Behavior',
      { behavior: ' \n ', request: 'Keep going' },
      'behavior',
      'Behavior: say what they did',
    ],
    [
      'no Request',
      { behavior: 'You shipped it' },
      'request',
      'Request: say what you ask for next time, one step they can take.',
    ],
    [
      'a blank Request',
      { behavior: 'You shipped it', request: '\t' },
      'request',
      'Request: say what you ask',
    ],
    ['both empty: Behavior first', {}, 'behavior', 'Behavior:'],
    [
      'a part over the limit',
      { behavior: 'x', request: 'y'.repeat(FEEDBACK_PART_MAX + 1) },
      'request',
      'Request: it must be at most 1000 characters.',
    ],
    [
      'a control character',
      { situation: 'a\u0000b', behavior: 'x', request: 'y' },
      'situation',
      'Situation: it must not contain control characters.',
    ],
  ])('refuses %s', (_, parts, field, reason) => {
    const checked = checkFeedback(parts);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error.field).toBe(field);
      expect(checked.error.reason.startsWith(reason)).toBe(true);
    }
  });

  test('a part at the limit is kept', () => {
    expect(checkFeedback({ behavior: 'x'.repeat(FEEDBACK_PART_MAX), request: 'y' }).ok).toBe(true);
  });

  test('the stored document refuses an empty Behavior or Request too', () => {
    const doc = feedback('draft');
    expect(Feedback.safeParse({ ...doc, behavior: ' ' }).success).toBe(false);
    expect(Feedback.safeParse({ ...doc, request: '' }).success).toBe(false);
    expect(Feedback.safeParse({ ...doc, state: 'private' }).success).toBe(false);
  });
});

describe('who sees feedback', () => {
  test('a draft from before identities were recorded: only its author address, in any case', () => {
    const draft = feedback('draft');
    expect(canSeeFeedback(draft, { email: MARIA })).toBe(true);
    expect(canSeeFeedback(draft, { email: 'MARIA@contoso.com' })).toBe(true);
    expect(canSeeFeedback(draft, { email: DEV })).toBe(false);
  });

  test('a draft only the Teams identity that wrote it, not whoever holds the address now (issue 27)', () => {
    const draft = { ...feedback('draft'), authorUserId: 'tenant:maria-old' };
    expect(canSeeFeedback(draft, { email: MARIA, userId: 'tenant:maria-old' })).toBe(true);
    expect(canSeeFeedback(draft, { email: MARIA, userId: 'tenant:maria-new' })).toBe(false);
    expect(canSeeFeedback(draft, { email: MARIA })).toBe(false);
  });

  test('shared, both of the pair and no one else', () => {
    const shared = feedback('shared');
    expect(canSeeFeedback(shared, { email: MARIA })).toBe(true);
    expect(canSeeFeedback(shared, { email: DEV })).toBe(true);
    expect(canSeeFeedback(shared, { email: 'ana@contoso.com' })).toBe(false);
  });
});

describe('the feedback command', () => {
  test('opens the card; text after it starts the Behavior', () => {
    expect(parseCommand('feedback')).toEqual({ ok: true, value: { kind: 'feedback' } });
    expect(parseCommand('/Feedback: you moved our 1:1')).toEqual({
      ok: true,
      value: { kind: 'feedback', behavior: 'you moved our 1:1' },
    });
  });
});
