import { maintainCalendars } from '../shared/services/calendar/maintain-calendars.js';
import { watchCalendar } from '../shared/services/calendar/watch-calendar.js';
import { calendarHarness } from '../test/support/calendar-harness.js';
import { atMost, figure, section } from './report.js';

const MANAGER = 'maria@contoso.com';
const REPORTS = ['dev@contoso.com', 'ana@contoso.com', 'li@contoso.com', 'sam@contoso.com'];

/**
 * Google API calls of a manager's calendar with four weekly 1:1s, on the simulated clock, through
 * the real adapter and the fake Google Calendar: per day in steady state (hourly timer, no changes)
 * and per change (push notification, then the sync it causes).
 */
export async function benchGoogleCalls(): Promise<void> {
  const h = await calendarHarness({ start: '2026-03-01T00:00:00Z' });
  try {
    REPORTS.forEach((report, n) =>
      h.fake.upsertEvent(MANAGER, {
        id: `weekly${n}`,
        summary: `1:1 ${report}`,
        start: { dateTime: `2026-03-0${2 + n}T10:00:00+01:00`, timeZone: 'Europe/Berlin' },
        end: { dateTime: `2026-03-0${2 + n}T10:30:00+01:00`, timeZone: 'Europe/Berlin' },
        recurrence: ['RRULE:FREQ=WEEKLY'],
        organizer: { email: MANAGER },
        attendees: [
          { email: MANAGER, responseStatus: 'accepted' },
          { email: report, responseStatus: 'accepted' },
        ],
      }),
    );
    await watchCalendar(h.deps, MANAGER, 'user-maria');
    await h.drainSyncs();

    const days = 28;
    h.fake.resetCounts();
    for (let hour = 0; hour < days * 24; hour++) {
      h.time.advance(60);
      await maintainCalendars(h.deps);
      await h.drainSyncs();
    }
    const perDay = h.fake.count() / days;
    const breakdown = ['list', 'instances', 'watch', 'stop']
      .map((op) => `${op} ${h.fake.count(op)}`)
      .join(', ');
    section('google calls: a manager calendar with 4 weekly 1:1s, hourly timer, simulated clock');
    figure(
      'steady state, calls per calendar per day',
      perDay.toFixed(2),
      atMost(perDay, 6),
      `[5-min polling: 288; ${days} days: ${breakdown}]`,
    );

    const changes = 20;
    h.fake.resetCounts();
    for (let n = 0; n < changes; n++) {
      h.time.advance(7);
      // Monday 2026-04-06 is weekly0's, Tuesday weekly1's, ...; 10:00 Berlin is 08:00Z in summer
      const day = new Date(Date.UTC(2026, 3, 6 + (n % 4) + 7 * Math.floor(n / 4), 8));
      h.fake.cancelOccurrence(MANAGER, `weekly${n % 4}`, day.toISOString().replace('.000Z', 'Z'));
      h.time.advance(1);
      await h.drainSyncs();
    }
    const perChange = h.fake.count() / changes;
    figure('per change, calls', perChange.toFixed(2), atMost(perChange, 2), `[${changes} cancellations]`);
  } finally {
    await h.stop();
  }
}
