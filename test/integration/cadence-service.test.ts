import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { addMinutes, occurrenceIdOf, type Occurrence } from '../../shared/domain/index.js';
import type { Clock, Store } from '../../shared/ports.js';
import { checkCadence } from '../../shared/services/one-on-one/cadence.js';
import { pair, pairId } from '../fixtures/docs.js';

const WEEK = 7 * 24 * 60;
const weekOf = (n: number): string => addMinutes('2026-03-03T09:00:00Z', n * WEEK);
const idOf = (n: number): string => occurrenceIdOf('series-1', weekOf(n));

/** Weekly occurrences of pair 1: `H` held, `C` cancelled, `R` declined by the report. */
function weekly(codes: string): Occurrence[] {
  return [...codes].map((code, n) => ({
    type: 'occurrence',
    id: idOf(n),
    pairId: pairId(1),
    seriesId: 'series-1',
    originalStart: weekOf(n),
    start: weekOf(n),
    end: addMinutes(weekOf(n), 30),
    status: code === 'C' ? 'cancelled' : 'confirmed',
    declinedBy: code === 'R' ? ['report1@contoso.com'] : [],
    jobs: [],
    createdAt: weekOf(0),
    updatedAt: weekOf(0),
  }));
}

let store: Store;
let now: Date;
const clock: Clock = { now: () => now };
const deps = () => ({ store, clock });

async function given(codes: string, tracking: 'active' | 'paused' = 'active'): Promise<void> {
  await store.pairs.upsert(pair(1, { tracking }));
  for (const occurrence of weekly(codes)) await store.pairs.upsert(occurrence);
}

/** Runs a check at the original start of occurrence `n` (`-1`: a week before the first). */
function checkAt(n: number) {
  now = new Date(weekOf(n));
  return checkCadence(deps(), pairId(1));
}

beforeEach(() => {
  store = openSqliteStore(':memory:');
});

afterEach(async () => {
  await store.close();
});

describe('checkCadence', () => {
  it('alerts the manager once, as soon as the misses are known, naming the whole known run', async () => {
    await given('HCRC');
    expect(await checkAt(-1)).toEqual({
      pairId: pairId(1),
      occurrenceId: idOf(2),
      managerEmail: 'maria@contoso.com',
      reportEmail: 'report1@contoso.com',
      pattern: 'consecutive',
      missed: 3,
      window: 3,
      dates: [weekOf(1), weekOf(2), weekOf(3)],
    });
    expect(await checkAt(2)).toBeUndefined(); // the same streak, at its dates
    expect(await checkAt(3)).toBeUndefined();
    const stored = await store.pairs.get(pairId(1), 'pair');
    expect(stored?.doc).toMatchObject({ cadence: { alertedFor: weekOf(2) }, updatedAt: weekOf(-1) });
  });

  it('says nothing while a 1:1 still on separates the misses', async () => {
    await given('HCHC');
    expect(await checkAt(-1)).toBeUndefined();
    expect(await checkAt(3)).toBeUndefined();
  });

  it('returns the alert once when the same check runs twice', async () => {
    await given('CC');
    expect(await checkAt(1)).toMatchObject({ pattern: 'consecutive' });
    expect(await checkAt(1)).toBeUndefined();
  });

  it('returns the alert once when the same check runs twice at the same time', async () => {
    await given('CHCHC');
    now = new Date(weekOf(4));
    const runs = await Promise.all([checkCadence(deps(), pairId(1)), checkCadence(deps(), pairId(1))]);
    expect(runs.filter((run) => run !== undefined)).toEqual([
      expect.objectContaining({ pattern: 'recent', missed: 3, window: 5 }),
    ]);
  });

  it('decides again, and still alerts, when the pair changes between its read and its write', async () => {
    await given('CC');
    now = new Date(weekOf(1));
    const [alert] = await Promise.all([
      checkCadence(deps(), pairId(1)),
      store.pairs.upsert(pair(1, { lastQuestion: { occurrenceId: 'o-1', index: 3 } })), // lands after the check's read
    ]);
    expect(alert).toMatchObject({ pattern: 'consecutive', missed: 2 });
    expect((await store.pairs.get(pairId(1), 'pair'))?.doc).toMatchObject({
      lastQuestion: { occurrenceId: 'o-1', index: 3 },
      cadence: { alertedFor: weekOf(1) },
    });
  });

  it('sends nothing for a paused pair and leaves its state alone', async () => {
    await given('CC', 'paused');
    const before = await store.pairs.get(pairId(1), 'pair');
    expect(await checkAt(1)).toBeUndefined();
    expect((await store.pairs.get(pairId(1), 'pair'))?.etag).toBe(before?.etag);
  });

  it('names the manager as the recipient, whoever declined', async () => {
    await store.pairs.upsert(pair(1, { managerEmail: 'lead@contoso.com' }));
    for (const occurrence of weekly('RR')) await store.pairs.upsert(occurrence);
    const alert = await checkAt(1);
    expect(alert).toMatchObject({ managerEmail: 'lead@contoso.com', reportEmail: 'report1@contoso.com' });
    expect(Object.keys(alert ?? {}).filter((key) => key.endsWith('Email'))).toEqual([
      'managerEmail',
      'reportEmail',
    ]);
  });
});
