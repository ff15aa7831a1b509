import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  cadenceFinding,
  cadenceNow,
  declinedSeriesOf,
  occurrenceIdOf,
  type CadenceState,
  type Occurrence,
} from '../../shared/domain/index.js';

const WEEK = 7 * 24 * 60;
const first = '2026-01-06T09:00:00Z';
const weekOf = (n: number): string => addMinutes(first, n * WEEK);

/**
 * One weekly occurrence per letter: `H` held (live), `C` cancelled, `M` declined by the manager,
 * `R` declined by the report, `V` moved a day later and held, `L` moved (live) past the next week.
 */
function weekly(codes: string): Occurrence[] {
  return [...codes].map((code, n) => {
    const originalStart = weekOf(n);
    const shift = code === 'V' ? 24 * 60 : code === 'L' ? WEEK + 24 * 60 : 0;
    const start = addMinutes(originalStart, shift);
    return {
      type: 'occurrence',
      id: occurrenceIdOf('series-1', originalStart),
      pairId: 'maria@contoso.com|dev@contoso.com',
      seriesId: 'series-1',
      originalStart,
      start,
      end: addMinutes(start, 30),
      status: code === 'C' ? 'cancelled' : 'confirmed',
      declinedBy: code === 'M' ? ['maria@contoso.com'] : code === 'R' ? ['dev@contoso.com'] : [],
      jobs: [],
      createdAt: first,
      updatedAt: first,
    };
  });
}

/** The rule at occurrence `n` of `codes`, every occurrence (later ones too) passed in. */
function checkAt(codes: string, n: number, state?: CadenceState) {
  const all = weekly(codes);
  return cadenceFinding(all, all[n]!, state);
}

/** Runs the check of every occurrence in turn, carrying the state: the indexes that alerted. */
function alertsOver(codes: string): number[] {
  const all = weekly(codes);
  let state: CadenceState | undefined;
  const alerted: number[] = [];
  all.forEach((occurrence, n) => {
    const finding = cadenceFinding(all, occurrence, state);
    if (finding === undefined) return;
    alerted.push(n);
    state = finding.next;
  });
  return alerted;
}

describe('the cadence rule at one check', () => {
  it.each([
    [
      '2 consecutive cancellations',
      'HCC',
      2,
      { pattern: 'consecutive', missed: 2, window: 2, dates: [1, 2] },
    ],
    [
      'a run reports every miss of it',
      'HCCCC',
      4,
      { pattern: 'consecutive', missed: 4, window: 4, dates: [1, 2, 3, 4] },
    ],
    [
      'declines by the manager then the report',
      'HMR',
      2,
      { pattern: 'consecutive', missed: 2, window: 2, dates: [1, 2] },
    ],
    [
      'a decline by the report after a cancellation',
      'CR',
      1,
      { pattern: 'consecutive', missed: 2, window: 2, dates: [0, 1] },
    ],
    ['3 of 5, none consecutive', 'CHCHC', 4, { pattern: 'recent', missed: 3, window: 5, dates: [0, 2, 4] }],
    ['3 of the last 6', 'HCHCHHC', 6, { pattern: 'recent', missed: 3, window: 6, dates: [1, 3, 6] }],
    ['3 of 6 counting declines', 'MHHRHC', 5, { pattern: 'recent', missed: 3, window: 6, dates: [0, 3, 5] }],
  ])('alerts on %s', (_name, codes, n, expected) => {
    expect(checkAt(codes, n)).toEqual({
      ...expected,
      dates: expected.dates.map(weekOf),
      next: { alertedFor: weekOf(n) },
    });
  });

  it.each([
    ['2 misses separated by a held one', 'CHC', 2],
    ['a miss 7 back is outside the last 6', 'CHCHHHC', 6],
    ['a move is not a miss (moved one checked)', 'CV', 1],
    ['a move is not a miss (moved one between)', 'CVC', 2],
    ['a single miss', 'C', 0],
    ['a held check after misses', 'CCH', 2],
    ['a held check after 3 misses in the last 6', 'CHCCH', 4],
    ['occurrences after the checked one are ignored', 'CHCCC', 2],
  ])('does not alert on %s', (_name, codes, n) => {
    expect(checkAt(codes, n)).toBeUndefined();
  });

  it('orders by original start, whatever order the occurrences come in', () => {
    const [w0, w1, w2, w3, w4] = weekly('CHCHC');
    const shuffled = [w4!, w1!, w3!, w0!, w2!];
    expect(cadenceFinding(shuffled, w4!, undefined)).toMatchObject({
      pattern: 'recent',
      dates: [0, 2, 4].map(weekOf),
    });
  });
});

describe('one alert per streak', () => {
  it.each([
    ['a continuing streak alerts once', 'CCCCCC', [1]],
    ['a held 1:1 resets, a new streak alerts again', 'CCHHHHHCC', [1, 8]],
    ['after the reset, earlier misses still count in the last 6', 'CCCHC', [1, 4]],
    ['a 1:1 moved past the check has not been held yet', 'CCLC', [1]],
    ['a 1:1 moved but held before the check resets', 'CCVC', [1, 3]],
  ])('%s', (_name, codes, alerted) => {
    expect(alertsOver(codes)).toEqual(alerted);
  });

  it('never alerts again for the alerted occurrence or one before it', () => {
    expect(checkAt('CC', 1, { alertedFor: weekOf(1) })).toBeUndefined();
    expect(checkAt('CCHCC', 1, { alertedFor: weekOf(4) })).toBeUndefined();
  });
});

describe('the rule judged as the occurrences are known now (cadenceNow)', () => {
  const now = (codes: string, state?: CadenceState) => cadenceNow(weekly(codes), state, weekOf(-1));

  it('alerts for two misses still ahead, keyed by the one that completes the pattern', () => {
    expect(now('HHCC')).toMatchObject({
      pattern: 'consecutive',
      missed: 2,
      dates: [weekOf(2), weekOf(3)],
      occurrenceId: occurrenceIdOf('series-1', weekOf(3)),
      next: { alertedFor: weekOf(3) },
    });
  });

  it('names every miss of a run already known, past the one that completed it', () => {
    expect(now('HCCCH')).toMatchObject({ missed: 3, window: 3, dates: [1, 2, 3].map(weekOf) });
  });

  it('says nothing for a single miss, or for misses a 1:1 still on separates', () => {
    expect(now('HHCH')).toBeUndefined();
    expect(now('HCHCH')).toBeUndefined(); // the held one between two misses ahead
  });

  it('counts three of the last six over past and future together', () => {
    expect(now('CHCHHC')).toMatchObject({ pattern: 'recent', missed: 3, dates: [0, 2, 5].map(weekOf) });
  });

  it('alerts once per streak: the same occurrences judged again say nothing', () => {
    const first = now('HCCH');
    expect(now('HCCH', first?.next)).toBeUndefined();
    expect(now('HCCCC', first?.next)).toBeUndefined(); // more misses of the same streak
  });

  it('a cancellation undone (its occurrence back on) leaves no pattern, and a later streak alerts', () => {
    expect(now('HCHHH')).toBeUndefined(); // one cancelled
    expect(now('HHHHH')).toBeUndefined(); // and restored
    expect(now('HHHCC')).toMatchObject({ dates: [3, 4].map(weekOf) });
  });

  it('after an alert, a 1:1 on between the streaks lets the next streak alert', () => {
    const first = now('CCH');
    expect(now('CCHHHHHCC', first?.next)).toMatchObject({
      pattern: 'consecutive',
      dates: [7, 8].map(weekOf),
    });
    expect(now('CCHCH', first?.next)).toMatchObject({ pattern: 'recent', dates: [0, 1, 3].map(weekOf) });
  });

  it('passes over a streak a 1:1 held since has ended, and still alerts for a later one', () => {
    expect(cadenceNow(weekly('CCH'), undefined, weekOf(1))).toMatchObject({ dates: [0, 1].map(weekOf) });
    expect(cadenceNow(weekly('CCH'), undefined, weekOf(2))).toBeUndefined();
    expect(cadenceNow(weekly('CCHHHHHCC'), undefined, weekOf(2))).toMatchObject({
      dates: [7, 8].map(weekOf),
    });
  });

  it('judges the misses of two series of one pair together, in order of their dates', () => {
    const [a0, a1] = weekly('HC');
    const other = weekly('C').map((o) => ({
      ...o,
      id: occurrenceIdOf('series-2', addMinutes(weekOf(1), 2 * 24 * 60)),
      seriesId: 'series-2',
      originalStart: addMinutes(weekOf(1), 2 * 24 * 60),
      start: addMinutes(weekOf(1), 2 * 24 * 60),
    }));
    expect(cadenceNow([a0!, a1!, ...other], undefined, weekOf(-1))).toMatchObject({
      pattern: 'consecutive',
      dates: [weekOf(1), addMinutes(weekOf(1), 2 * 24 * 60)],
      occurrenceId: other[0]!.id,
    });
  });
});

describe('a declined series (declinedSeriesOf)', () => {
  const DEV = 'dev@contoso.com';
  it.each([
    ['declines reaching the last occurrence known', 'HHRR', { by: DEV, from: weekOf(2), declined: 2 }],
    ['a cancelled one among them does not break the run', 'HRCRR', { by: DEV, from: weekOf(1), declined: 3 }],
  ])('finds %s', (_name, codes, expected) => {
    expect(declinedSeriesOf(weekly(codes))).toEqual({ seriesId: 'series-1', ...expected });
  });

  it.each([
    ['a single decline at the end', 'HHHR'],
    ['declines that stop before the last occurrence', 'HRRH'],
    ['declines by two different people', 'HMR'],
    ['cancellations only', 'HCC'],
  ])('finds none for %s', (_name, codes) => {
    expect(declinedSeriesOf(weekly(codes))).toBeUndefined();
  });

  it('makes the cadence alert name the decline instead of a count', () => {
    const all = weekly('HHRRR');
    const declines = [declinedSeriesOf(all)].filter((d) => d !== undefined);
    expect(cadenceNow(all, undefined, weekOf(-1), declines)).toMatchObject({
      pattern: 'consecutive',
      occurrenceId: occurrenceIdOf('series-1', weekOf(3)),
      declined: { by: DEV, from: weekOf(2), declined: 3 },
    });
    expect(cadenceNow(all, undefined, weekOf(-1))).not.toHaveProperty('declined');
  });
});
