import { app, type TimerHandler } from '@azure/functions';
import { maintainCalendars } from '../shared/services/calendar/maintain-calendars.js';
import { getRoot, type Root } from '../shared/root.js';

/** Hourly: enqueue channel renewals (24 h before expiry) and safety syncs (every 6 h). */
export const calendarChannels =
  (root: () => Root): TimerHandler =>
  async (_timer, context) => {
    const { renewals, safetySyncs } = await maintainCalendars(await root().calendarDeps());
    context.log(`calendar channels: ${renewals} renewals and ${safetySyncs} safety syncs enqueued`);
  };

app.timer('calendarChannels', { schedule: '0 0 * * * *', handler: calendarChannels(getRoot) });
