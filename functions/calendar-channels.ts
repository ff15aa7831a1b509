import { app, type TimerHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/** Hourly: enqueue channel renewals (24 h before expiry) and safety syncs (every 6 h). */
export const calendarChannels =
  (root: RootSource): TimerHandler =>
  async () => {
    const [r, { maintainCalendars }] = await Promise.all([
      root(),
      import('../shared/services/calendar/maintain-calendars.js'),
    ]);
    const { renewals, safetySyncs } = await maintainCalendars(await r.calendarDeps());
    log.info('calendar.channels', { renewals, safetySyncs });
  };

app.timer('calendarChannels', { schedule: '0 0 * * * *', handler: calendarChannels(workerRoot) });
