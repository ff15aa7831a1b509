import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../shared/adapters/sqlite/sqlite-store.js';
import { addMinutes, bucketOf, isBefore } from '../shared/domain/index.js';
import type { Store } from '../shared/ports.js';
import { runScheduler } from '../shared/services/delivery/run-scheduler.js';
import { memoryQueue } from '../sandbox/local/memory-queue.js';
import { countingStore } from './support/counting-store.js';
import { occurrenceDoc, pairDoc, person, saveOccurrence } from './support/org.js';
import { atMost, equal, figure, median, ms, section } from './report.js';

/** The tick: Monday 09:00:30 UTC. Due then: the 500 agendas of Tuesday's 09:00 1:1s. */
const NOW = '2026-03-02T09:00:30Z';
const MONDAY = Date.parse('2026-03-02T00:00:00Z');
const DUE_PAIRS = 500;
const SIZES = [1_000, 100_000] as const;
const TICKS = 7;
/** Ticks run first and not counted: the code warms up on the same data. */
const WARMUP = 2;

/**
 * One scheduler tick with the same 500 due jobs, in a store of 1,000 and of 100,000 pairs. The other
 * pairs meet weekly at half past an hour, Monday to Friday 08:30–17:30, so their jobs fill every
 * working hour's bucket as a real organisation's would, the current one included (those are not due
 * yet at 09:00:30). Both stores are seeded first, then tick in turn: the median of 7 ticks each
 * (after 2 not counted), the due jobs put back before each.
 */
export async function benchScheduler(): Promise<void> {
  section(
    `scheduler: one tick at ${NOW}, ${DUE_PAIRS} due agenda jobs, SQLite :memory:, the real runScheduler`,
  );
  const sizes = [];
  for (const pairs of SIZES) {
    const base = openSqliteStore(':memory:');
    const seedStart = performance.now();
    const { dueJobs, docs } = await seed(base, pairs);
    const seeded = performance.now() - seedStart;
    const bucket = (await listAll(base, bucketOf(NOW))).length;
    sizes.push({ pairs, base, dueJobs, docs, seeded, bucket, ...countingStore(base), times: [] as number[] });
  }
  try {
    // The sizes take turns, tick by tick, so both run on equally warmed-up code.
    for (let tick = 0; tick < WARMUP + TICKS; tick++) {
      for (const size of sizes) {
        for (const job of size.dueJobs) await size.base.jobs.upsert(job);
        const queued = memoryQueue();
        size.reset();
        const start = performance.now();
        const run = await runScheduler({
          store: size.store,
          queue: queued.queue,
          clock: { now: () => new Date(NOW) },
        });
        if (tick >= WARMUP) size.times.push(performance.now() - start);
        if (run.due !== DUE_PAIRS)
          throw new Error(`expected ${DUE_PAIRS} due jobs, the tick found ${run.due}`);
      }
    }
  } finally {
    for (const size of sizes) await size.base.close();
  }
  const runs = sizes.map(({ pairs, times, counts }) => ({
    pairs,
    ms: median(times),
    reads: counts.reads,
    docs: counts.docs,
  }));
  for (const [i, size] of sizes.entries()) {
    const run = runs[i];
    if (run === undefined) continue;
    figure(
      `${size.pairs.toLocaleString('en')} pairs: tick, median of ${TICKS}`,
      ms(run.ms, 1),
      undefined,
      `[${run.reads} store reads, ${run.docs.toLocaleString('en')} docs read; the current hour holds ` +
        `${size.bucket.toLocaleString('en')} jobs; ${size.docs.toLocaleString('en')} docs seeded in ${(size.seeded / 1000).toFixed(1)} s]`,
    );
  }
  const [small, large] = runs;
  if (small === undefined || large === undefined) return;
  figure(
    'tick ratio, 100,000 / 1,000 pairs',
    (large.ms / small.ms).toFixed(2),
    atMost(large.ms / small.ms, 1.5),
  );
  figure(
    'store reads per tick, 1,000 → 100,000 pairs',
    `${small.reads} → ${large.reads}`,
    equal(large.reads, small.reads, `${small.reads} (same)`),
    `[docs read ${small.docs.toLocaleString('en')} → ${large.docs.toLocaleString('en')}]`,
  );
}

/**
 * The due pairs' Tuesday 09:00 occurrence (agenda due Monday 09:00) and the other pairs' weekly
 * occurrence, with the jobs still ahead at the tick (those before it were sent and deleted).
 */
async function seed(store: Store, pairs: number) {
  let docs = 0;
  for (let n = 0; n < pairs; n++) {
    const pair = pairDoc(person('manager', n), person('report', n));
    const slot = n % 50;
    const start =
      n < DUE_PAIRS
        ? '2026-03-03T09:00:00Z'
        : new Date(MONDAY + Math.floor(slot / 10) * 86_400_000 + ((slot % 10) + 8.5) * 3_600_000)
            .toISOString()
            .replace('.000Z', 'Z');
    await store.pairs.upsert(pair);
    const { jobs } = await saveOccurrence(store, occurrenceDoc(pair, start));
    docs += 2 + jobs.length;
    for (const job of jobs) {
      if (n >= DUE_PAIRS && !isBefore(NOW, job.dueAt)) {
        await store.jobs.delete(job.bucket, job.id);
        docs -= 1;
      }
    }
  }
  const at = addMinutes(NOW, -1);
  await store.jobs.upsert({
    type: 'schedulerCursor',
    id: 'cursor',
    bucket: 'scheduler',
    doneThrough: bucketOf(addMinutes(NOW, -60)),
    createdAt: at,
    updatedAt: at,
  });
  const dueJobs = (await listAll(store, bucketOf(NOW))).flatMap(({ doc }) =>
    doc.type === 'job' && !isBefore(NOW, doc.dueAt) ? [doc] : [],
  );
  return { dueJobs, docs };
}

async function listAll(store: Store, bucket: string) {
  const items = [];
  let continuation: string | undefined;
  do {
    const page = await store.jobs.list(bucket, { limit: 1000, ...(continuation ? { continuation } : {}) });
    items.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return items;
}
