import { describe, expect, test } from 'vitest';
import { cardSamples } from '../support/card-samples.js';
import {
  FEEDBACK_CARD_CHARS,
  SUMMARY_LIMITS,
  renderCard,
  visibleText,
  type SummaryData,
  type TopicView,
} from '../../teams-app/cards/index.js';

const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** Every list at its limit, every text and name at its longest, written in `char`. */
function maxSummary(char: string): SummaryData {
  const name = char.repeat(200);
  const topic = (index: number, covered: boolean): TopicView => ({
    id: `topic-${uuid}-${index}`,
    number: index + 1,
    text: char.repeat(500),
    authorName: name,
    carriedOver: !covered,
    covered,
  });
  const half = SUMMARY_LIMITS.topics / 2;
  return {
    otherName: name,
    when: char.repeat(200),
    covered: Array.from({ length: half }, (_, index) => topic(index, true)),
    carriedOver: Array.from({ length: half }, (_, index) => topic(half + index, false)),
    notes: Array.from({ length: SUMMARY_LIMITS.notes }, (_, index) => ({
      authorName: name,
      text: char.repeat(SUMMARY_LIMITS.noteChars),
      private: index % 2 === 0,
    })),
    actionItems: Array.from({ length: SUMMARY_LIMITS.actions }, (_, index) => ({
      id: `action-${uuid}-${index}`,
      number: index + 1,
      text: char.repeat(500),
      ownerName: name,
      due: char.repeat(40),
      done: false,
    })),
    feedback: Array.from({ length: SUMMARY_LIMITS.feedback }, (_, index) => ({
      id: `feedback:${uuid}-${index}`,
      authorName: name,
      draft: false as const,
      situation: char.repeat(FEEDBACK_CARD_CHARS),
      behavior: char.repeat(FEEDBACK_CARD_CHARS),
      impact: char.repeat(FEEDBACK_CARD_CHARS),
      request: char.repeat(FEEDBACK_CARD_CHARS),
    })),
    next: char.repeat(200),
    moreFeedback: 20,
    moreTopics: 188,
    moreNotes: 96,
    moreActions: 92,
  };
}

const bytes = (data: SummaryData): number => Buffer.byteLength(JSON.stringify(renderCard('summary', data)));

describe('the summary card size', () => {
  test('at its limits it stays under 80 KB, even when every character takes 4 bytes', () => {
    expect(bytes(maxSummary('a'))).toBeLessThan(40_000);
    expect(bytes(maxSummary('😀'))).toBeLessThan(80_000);
  });

  test('says how many topics, notes and action items it does not show', () => {
    const text = visibleText(renderCard('summary', maxSummary('a')));
    expect(text).toContain('…and 188 more topics not shown here.');
    expect(text).toContain('…and 96 more notes not shown here.');
    expect(text).toContain('…and 92 more action items not shown here.');
    const one = visibleText(renderCard('summary', { ...cardSamples.summary, moreNotes: 1 }));
    expect(one).toContain('…and 1 more note not shown here.');
    expect(visibleText(renderCard('summary', cardSamples.summary))).not.toContain('not shown here');
  });

  test('refuses more than the limits: the caller must count the rest', () => {
    const full = maxSummary('a');
    expect(() =>
      renderCard('summary', { ...full, covered: [...full.covered, { ...full.covered[0]!, id: 'x' }] }),
    ).toThrow(`at most ${SUMMARY_LIMITS.topics} topics`);
    expect(() => renderCard('summary', { ...full, notes: [...full.notes, full.notes[0]!] })).toThrow();
    expect(() =>
      renderCard('summary', {
        ...full,
        notes: [{ ...full.notes[0]!, text: 'a'.repeat(SUMMARY_LIMITS.noteChars + 1) }],
      }),
    ).toThrow();
  });
});
