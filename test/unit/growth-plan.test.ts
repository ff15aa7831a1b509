import { describe, expect, test } from 'vitest';
import {
  CHECKPOINT_NOTE_MAX,
  GROWTH_TEXT_MAX,
  GrowthPlan,
  checkCheckpointNote,
  checkGrowthPlan,
  checkpointBefore,
  checkpointDates,
  growthPlanIdOf,
  nextCheckpoint,
  nextQuarter,
  parseCommand,
  previousQuarter,
  quarterFor,
  quarterOf,
} from '../../shared/domain/index.js';
import { renderCard, visibleText } from '../../teams-app/cards/index.js';
import { agendaSamples } from '../support/card-samples.js';

describe('growth plan rules', () => {
  test('an empty goal is refused with the reason; support, evidence and notes are optional', () => {
    for (const goal of [undefined, '', '   \n '])
      expect(checkGrowthPlan({ goal, support: 'Pairing' })).toEqual({
        ok: false,
        error: {
          field: 'goal',
          reason: 'Goal: write the one thing to grow in this quarter, tied to real work.',
        },
      });
    expect(checkGrowthPlan({ goal: '  Lead the design  ', notes: ['', ' Done ', undefined] })).toEqual({
      ok: true,
      value: { goal: 'Lead the design', notes: [undefined, 'Done', undefined] },
    });
  });

  test('over-long text and control characters are refused, naming the field', () => {
    expect(checkGrowthPlan({ goal: 'x'.repeat(GROWTH_TEXT_MAX + 1) })).toMatchObject({
      ok: false,
      error: { field: 'goal', reason: `Goal: it must be at most ${GROWTH_TEXT_MAX} characters.` },
    });
    expect(checkGrowthPlan({ goal: 'ok', evidence: 'a\u0000b' })).toMatchObject({
      ok: false,
      error: { field: 'evidence', reason: 'Evidence: it must not contain control characters.' },
    });
    expect(checkGrowthPlan({ goal: 'ok', notes: ['', 'n'.repeat(CHECKPOINT_NOTE_MAX + 1)] })).toMatchObject({
      ok: false,
      error: {
        field: 'checkpoint2',
        reason: `Second checkpoint: it must be at most ${CHECKPOINT_NOTE_MAX} characters.`,
      },
    });
  });

  test('the quarter is judged in the given zone (the manager’s)', () => {
    expect(quarterOf('2026-03-31T21:30:00Z', 'Europe/Berlin')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31T22:30:00Z', 'Europe/Berlin')).toBe('2026-Q2');
    expect(quarterOf('2026-01-01T03:00:00Z', 'America/Los_Angeles')).toBe('2025-Q4');
    expect(growthPlanIdOf('2026-Q2')).toBe('growthPlan:2026-Q2');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
  });

  test('three monthly checkpoints, on the last day of each month of the quarter', () => {
    expect(checkpointDates('2028-Q1')).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    expect(checkpointDates('2026-Q4')).toEqual(['2026-10-31', '2026-11-30', '2026-12-31']);
    const plan = { checkpoints: checkpointDates('2026-Q2').map((date) => ({ date })) };
    expect(nextCheckpoint(plan, '2026-04-01')?.date).toBe('2026-04-30');
    expect(nextCheckpoint(plan, '2026-04-30')?.date).toBe('2026-04-30');
    expect(nextCheckpoint(plan, '2026-05-01')?.date).toBe('2026-05-31');
    expect(nextCheckpoint(plan, '2026-07-01')).toBeUndefined();
  });

  test('a deep dive asks about the last checkpoint before its day: the end of the month just ended', () => {
    expect(checkpointBefore('2026-05-05')).toEqual({ quarter: '2026-Q2', index: 0, date: '2026-04-30' });
    expect(checkpointBefore('2026-06-02')).toEqual({ quarter: '2026-Q2', index: 1, date: '2026-05-31' });
    // Strictly before: a deep dive on a checkpoint's own day asks about the month before it.
    expect(checkpointBefore('2026-03-31')).toEqual({ quarter: '2026-Q1', index: 1, date: '2026-02-28' });
    expect(checkpointBefore('2028-03-01')).toEqual({ quarter: '2028-Q1', index: 1, date: '2028-02-29' });
    // The first deep dive of a quarter reviews the previous quarter's last checkpoint, across a year too.
    expect(checkpointBefore('2026-04-07')).toEqual({ quarter: '2026-Q1', index: 2, date: '2026-03-31' });
    expect(checkpointBefore('2026-10-01')).toEqual({ quarter: '2026-Q3', index: 2, date: '2026-09-30' });
    expect(checkpointBefore('2027-01-05')).toEqual({ quarter: '2026-Q4', index: 2, date: '2026-12-31' });
    expect(checkpointBefore('2027-02-01')).toEqual({ quarter: '2027-Q1', index: 0, date: '2027-01-31' });
    // It is always one of that quarter's checkpoints.
    for (const day of ['2026-01-15', '2026-07-31', '2026-12-01']) {
      const { quarter, index, date } = checkpointBefore(day);
      expect(checkpointDates(quarter)[index]).toBe(date);
    }
  });

  test('a checkpoint note is checked by the plan’s rule, with the reason', () => {
    expect(checkCheckpointNote('  Draft reviewed ')).toEqual({ ok: true, value: 'Draft reviewed' });
    expect(checkCheckpointNote('n'.repeat(CHECKPOINT_NOTE_MAX + 1))).toEqual({
      ok: false,
      error: `Checkpoint note: it must be at most ${CHECKPOINT_NOTE_MAX} characters.`,
    });
    expect(checkCheckpointNote('a\u0007b')).toMatchObject({ ok: false });
  });

  test('the stored plan has exactly three checkpoints and a goal', () => {
    const plan = {
      type: 'growthPlan',
      id: 'growthPlan:2026-Q2',
      pairId: 'maria@contoso.com|dev@contoso.com',
      quarter: '2026-Q2',
      goal: 'Lead the design',
      checkpoints: checkpointDates('2026-Q2').map((date) => ({ date })),
      authorEmail: 'dev@contoso.com',
      updatedByEmail: 'maria@contoso.com',
      createdAt: '2026-04-02T09:00:00.000Z',
      updatedAt: '2026-04-02T09:00:00.000Z',
    };
    expect(GrowthPlan.safeParse(plan).success).toBe(true);
    expect(GrowthPlan.safeParse({ ...plan, goal: ' ' }).success).toBe(false);
    expect(GrowthPlan.safeParse({ ...plan, checkpoints: plan.checkpoints.slice(1) }).success).toBe(false);
    expect(GrowthPlan.safeParse({ ...plan, quarter: '2026-Q5' }).success).toBe(false);
  });

  test('"growth" opens the card; "growth last", "next", "Q1" or "2026-Q1" name a quarter; anything else is refused', () => {
    expect(parseCommand('growth')).toEqual({ ok: true, value: { kind: 'growth' } });
    expect(parseCommand('/Growth:')).toEqual({ ok: true, value: { kind: 'growth' } });
    expect(parseCommand('growth Last')).toEqual({ ok: true, value: { kind: 'growth', quarter: 'last' } });
    expect(parseCommand('growth previous')).toEqual({ ok: true, value: { kind: 'growth', quarter: 'last' } });
    expect(parseCommand('growth next')).toEqual({ ok: true, value: { kind: 'growth', quarter: 'next' } });
    expect(parseCommand('growth q3')).toEqual({ ok: true, value: { kind: 'growth', quarter: 'Q3' } });
    expect(parseCommand('growth 2025-q4')).toEqual({
      ok: true,
      value: { kind: 'growth', quarter: '2025-Q4' },
    });
    for (const given of ['soon', 'Q5', '2026-Q0', '1999-Q1', 'Q1 2026'])
      expect(parseCommand(`growth ${given}`)).toEqual({
        ok: false,
        error: { code: 'INVALID_QUARTER', given },
      });
  });

  test('a named quarter is found from the current one, and reaches one quarter ahead at most', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(quarterFor(undefined, '2026-Q1')).toEqual({ ok: true, value: '2026-Q1' });
    expect(quarterFor('last', '2026-Q1')).toEqual({ ok: true, value: '2025-Q4' });
    expect(quarterFor('next', '2026-Q4')).toEqual({ ok: true, value: '2027-Q1' });
    // "Q1" is the latest Q1 not after now; the one after now is last year's
    expect(quarterFor('Q1', '2026-Q3')).toEqual({ ok: true, value: '2026-Q1' });
    expect(quarterFor('Q4', '2026-Q3')).toEqual({ ok: true, value: '2025-Q4' });
    expect(quarterFor('Q3', '2026-Q3')).toEqual({ ok: true, value: '2026-Q3' });
    expect(quarterFor('2027-Q1', '2026-Q4')).toEqual({ ok: true, value: '2027-Q1' });
    expect(quarterFor('2027-Q2', '2026-Q4')).toEqual({ ok: false, error: 'TOO_FAR' });
    expect(quarterFor('2019-Q2', '2026-Q4')).toEqual({ ok: true, value: '2019-Q2' });
  });
});

describe('growth on the agenda', () => {
  const section = (data: Parameters<typeof renderCard<'agenda'>>[1]) => {
    const lines = visibleText(renderCard('agenda', data)).split('\n');
    return lines.slice(
      lines.indexOf('Growth and development · 10 min') + 1,
      lines.indexOf('Feedback · 5 min'),
    );
  };

  test('the goal and next checkpoint replace the prompt; without a plan the prompt stays', () => {
    const growth = { quarter: 'Q2 2026', goal: 'Lead the design', nextCheckpoint: 'Thu 30 Apr 2026' };
    expect(section({ ...agendaSamples.report, growth })).toEqual([
      'Goal for Q2 2026: Lead the design',
      'Next checkpoint: Thu 30 Apr 2026 · press Growth plan to update it',
    ]);
    expect(section({ ...agendaSamples.report, growth: { quarter: 'Q2 2026', goal: 'Lead' } })).toEqual([
      'Goal for Q2 2026: Lead',
    ]);
    expect(section(agendaSamples.report)[0]).toMatch(/^What do you want to learn next\?/);
  });

  test('the card refuses a goal longer than the agenda shows: the caller cuts it', () => {
    expect(() =>
      renderCard('agenda', {
        ...agendaSamples.report,
        growth: { quarter: 'Q2 2026', goal: 'g'.repeat(201) },
      }),
    ).toThrow('growth');
  });
});
