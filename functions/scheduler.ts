import { app, type TimerHandler } from '@azure/functions';
import { runScheduler } from '../shared/services/delivery/run-scheduler.js';
import { getRoot, type Root } from '../shared/root.js';

/** Every minute: the due jobs of the current and overdue buckets become deliveries on the queue. */
export const scheduler =
  (root: () => Root): TimerHandler =>
  async (_timer, context) => {
    const r = root();
    const run = await runScheduler({ store: await r.store(), queue: await r.queue(), clock: r.clock });
    if (run.due > 0)
      context.log(`scheduler: ${run.due} due jobs, ${run.enqueued} deliveries enqueued (${run.reads} reads)`);
  };

app.timer('scheduler', { schedule: '0 * * * * *', handler: scheduler(getRoot) });
