import { app, type TimerHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/** Every minute: the due jobs of the current and overdue buckets become deliveries on the queue. */
export const scheduler =
  (root: RootSource): TimerHandler =>
  async () => {
    const [r, { runScheduler }] = await Promise.all([
      root(),
      import('../shared/services/delivery/run-scheduler.js'),
    ]);
    const run = await runScheduler({ store: await r.store(), queue: await r.queue(), clock: r.clock });
    if (run.due > 0) log.info('scheduler', { due: run.due, enqueued: run.enqueued, reads: run.reads });
  };

app.timer('scheduler', { schedule: '0 * * * * *', handler: scheduler(workerRoot) });
