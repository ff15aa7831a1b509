import { bucketOf } from '../../shared/domain/index.js';
import type { Store } from '../../shared/ports.js';
import { allDocs } from '../../shared/services/pair-docs.js';

const HOUR = 3_600_000;

/**
 * When the jobs of the hour of `t` and of the next hour fall due (ms): what a driver of the simulated
 * clock (`npm run simulate`, the soak) reads to skip to the next minute in which a job can be due.
 */
export async function dueTimesAround(store: Store, t: number): Promise<number[]> {
  const times: number[] = [];
  for (const bucket of [bucketOf(new Date(t)), bucketOf(new Date(t + HOUR))])
    for (const job of await allDocs(store.jobs, bucket, 'job')) times.push(new Date(job.dueAt).getTime());
  return times;
}
