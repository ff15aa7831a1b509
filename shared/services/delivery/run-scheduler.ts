import {
  addMinutes,
  bucketOf,
  isBefore,
  peopleOf,
  utc,
  type DeliveryRequest,
  type Job,
} from '../../domain/index.js';
import type { Clock, Queue, Store } from '../../ports.js';

export interface SchedulerDeps {
  readonly store: Store;
  readonly queue: Queue;
  readonly clock: Clock;
}

/** How far back a run looks (a first run, or one after an outage): older overdue jobs are not sent. */
const FIRST_LOOKBACK_HOURS = 48;

/**
 * Jobs per read. The current bucket's last page holds jobs not due yet, read for nothing: a small page
 * keeps that waste small whatever the hour holds; a busy minute costs a few more reads.
 */
const PAGE = 100;

export interface SchedulerRun {
  readonly buckets: number;
  readonly reads: number;
  readonly due: number;
  readonly enqueued: number;
}

/**
 * One scheduler tick. It reads only the job buckets from the last finished one to the current hour,
 * and the current one only as far as its first job not due yet (its cost follows what is due, never
 * the number of pairs), enqueues one delivery per recipient
 * for each due job, then deletes the job. A crash after the enqueue and before the delete enqueues
 * again next minute, and two overlapping runs may both enqueue: deliveries are idempotent, so the
 * person still gets one message.
 */
export async function runScheduler(deps: SchedulerDeps): Promise<SchedulerRun> {
  const now = utc(deps.clock.now());
  const current = bucketOf(now);
  const cursor = await deps.store.jobs.get('scheduler', 'cursor');
  const doneThrough = cursor?.doc.type === 'schedulerCursor' ? cursor.doc.doneThrough : undefined;
  // Never further back than the lookback: jobs that old are stale (the meeting is long over).
  const oldest = bucketOf(addMinutes(now, -FIRST_LOOKBACK_HOURS * 60));
  const after = doneThrough === undefined ? oldest : nextBucket(doneThrough);
  let bucket = after > oldest ? after : oldest;
  let reads = 1;
  let buckets = 0;
  let due = 0;
  let enqueued = 0;
  let finished = doneThrough;
  while (bucket <= current) {
    buckets += 1;
    let remaining = 0;
    let continuation: string | undefined;
    do {
      const page = await deps.store.jobs.list(bucket, {
        limit: PAGE,
        ...(continuation ? { continuation } : {}),
      });
      reads += 1;
      let later = false;
      for (const { doc } of page.items) {
        if (doc.type !== 'job') continue;
        if (isBefore(now, doc.dueAt)) {
          remaining += 1;
          // ids lead with the due time (`jobIdOf`): every job after this one is due later too
          later = /^\d/.test(doc.id);
          if (later) break;
          continue;
        }
        due += 1;
        for (const request of requestsFor(doc)) await deps.queue.send('deliveries', request);
        enqueued += requestsFor(doc).length;
        await deps.store.jobs.delete(doc.bucket, doc.id);
      }
      continuation = later ? undefined : page.continuation;
    } while (continuation !== undefined);
    if (remaining === 0 && bucket < current && (finished === undefined || bucket > finished))
      finished = bucket;
    bucket = nextBucket(bucket);
  }
  if (finished !== undefined && finished !== doneThrough) {
    await deps.store.jobs.upsert({
      type: 'schedulerCursor',
      id: 'cursor',
      bucket: 'scheduler',
      doneThrough: finished,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { buckets, reads, due, enqueued };
}

function requestsFor(job: Job): DeliveryRequest[] {
  const { pairId, occurrenceId } = job;
  if (job.kind === 'cadenceCheck') return [{ kind: 'cadenceCheck', pairId, occurrenceId }];
  const { managerEmail, reportEmail } = peopleOf(pairId);
  if (job.kind === 'deepDive')
    return [{ kind: 'deepDive', pairId, occurrenceId, recipientEmail: reportEmail }];
  return [managerEmail, reportEmail].map((recipientEmail) => ({
    kind: job.kind,
    pairId,
    occurrenceId,
    recipientEmail,
  }));
}

function nextBucket(bucket: string): string {
  return bucketOf(addMinutes(`${bucket}:00:00Z`, 60));
}
