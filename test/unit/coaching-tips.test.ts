import { describe, expect, test } from 'vitest';
import {
  COACHING_TIPS,
  REMEMBERED_TIPS,
  coachingTipFor,
  tipIndexFor,
  withTipFixed,
  type FixedTip,
} from '../../shared/domain/index.js';

/** The guide's own sentences of "Common Mistakes": the tips say the same in Steady's words. */
const GUIDE_SENTENCES = [
  'Status belongs in async updates.',
  'Avoidance erodes trust.',
  'Without specifics, behavior does not change.',
  'Missed meetings signal low priority.',
];

describe('the coaching tips', () => {
  test('are distinct, fit the agenda card (300 characters) and do not copy the guide', () => {
    expect(new Set(COACHING_TIPS).size).toBe(COACHING_TIPS.length);
    expect(COACHING_TIPS.length).toBeGreaterThanOrEqual(7);
    for (const tip of COACHING_TIPS) {
      expect(tip.length).toBeLessThanOrEqual(300);
      for (const sentence of GUIDE_SENTENCES) expect(tip.toLowerCase()).not.toContain(sentence.toLowerCase());
    }
  });

  test('rotate: one after the other, never the same twice in a row, all of them in turn', () => {
    let recent: FixedTip[] | undefined;
    const shown: string[] = [];
    for (let week = 0; week < COACHING_TIPS.length * 2; week++) {
      recent = withTipFixed(recent, `o-${week}`);
      shown.push(coachingTipFor(recent, `o-${week}`));
    }
    for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);
    expect(new Set(shown.slice(0, COACHING_TIPS.length)).size).toBe(COACHING_TIPS.length);
  });

  test('stay fixed per occurrence: fixing again changes nothing, and a later one leaves it be', () => {
    const once = withTipFixed(undefined, 'o-1');
    expect(withTipFixed(once, 'o-1')).toEqual(once);
    const later = withTipFixed(withTipFixed(once, 'o-2'), 'o-3');
    expect(tipIndexFor(later, 'o-1')).toBe(tipIndexFor(once, 'o-1'));
    expect(tipIndexFor(later, 'o-3')).not.toBe(tipIndexFor(later, 'o-2'));
  });

  test(`are remembered for the latest ${REMEMBERED_TIPS} occurrences only`, () => {
    let recent: FixedTip[] | undefined;
    for (let week = 0; week < 10; week++) recent = withTipFixed(recent, `o-${week}`);
    expect(recent?.map((tip) => tip.occurrenceId)).toEqual(['o-6', 'o-7', 'o-8', 'o-9']);
  });

  test('start at the first for a pair that never had one, and survive a shorter list', () => {
    expect(tipIndexFor(undefined, 'o-1')).toBe(0);
    expect(tipIndexFor([], 'o-1')).toBe(0);
    expect(coachingTipFor([{ occurrenceId: 'o-1', index: COACHING_TIPS.length + 2 }], 'o-1')).toBe(
      COACHING_TIPS[2],
    );
  });
});
