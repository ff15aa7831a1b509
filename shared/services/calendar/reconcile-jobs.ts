import { bucketOf, isBefore, jobIdOf, jobsFor, utc, type Occurrence } from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';

type JobRef = Occurrence['jobs'][number];

/**
 * Brings an occurrence's jobs in line with its state and returns where they now are. A job whose
 * time has passed is left to the scheduler, except an agenda of an occurrence still ahead, which is
 * due at once; a job the occurrence no longer needs is deleted; a moved one changes bucket.
 */
export async function reconcileJobs(deps: CalendarDeps, occurrence: Occurrence): Promise<JobRef[]> {
  const now = utc(deps.clock.now());
  const previous = new Map(occurrence.jobs.map((job) => [job.kind, job]));
  const next: JobRef[] = [];
  for (const wanted of jobsFor(occurrence, deps.settings)) {
    const existing = previous.get(wanted.kind);
    previous.delete(wanted.kind);
    let dueAt = wanted.dueAt;
    if (isBefore(dueAt, now)) {
      if (existing !== undefined) {
        next.push(existing);
        continue;
      }
      if (wanted.kind !== 'agenda' || !isBefore(now, occurrence.start)) continue;
      dueAt = now;
    }
    const id = jobIdOf(dueAt, wanted.kind, occurrence.id);
    const ref = { kind: wanted.kind, id, dueAt, bucket: bucketOf(dueAt) };
    if (existing?.id === ref.id) {
      next.push(existing);
      continue;
    }
    // moved (its id carries its time): the old document goes
    if (existing !== undefined) await deps.store.jobs.delete(existing.bucket, existing.id);
    await deps.store.jobs.upsert({
      type: 'job',
      ...ref,
      pairId: occurrence.pairId,
      occurrenceId: occurrence.id,
      createdAt: now,
      updatedAt: now,
    });
    next.push(ref);
  }
  for (const stale of previous.values()) await deps.store.jobs.delete(stale.bucket, stale.id);
  return next;
}

/** Deletes an occurrence and its jobs: the series ended, was deleted or is no longer a 1:1. */
export async function removeOccurrence(deps: CalendarDeps, occurrence: Occurrence): Promise<void> {
  for (const job of occurrence.jobs) await deps.store.jobs.delete(job.bucket, job.id);
  await deps.store.pairs.delete(occurrence.pairId, occurrence.id);
}
