import { maintainCalendars } from '../shared/services/calendar/maintain-calendars.js';
import { watchCalendar } from '../test/support/watch-calendar.js';
import { calendarHarness } from '../test/support/calendar-harness.js';

const MANAGER = 'maria@contoso.com';
const REPORTS = ['dev@contoso.com', 'ana@contoso.com', 'li@contoso.com', 'sam@contoso.com'];
const OPERATIONS = ['list', 'instances', 'get', 'watch', 'stop', 'directoryUser'] as const;
const DAYS = 28;

export interface GoogleCallCounts {
  /** Watched calendars: the manager's, or the manager's and each report's (everyone installed). */
  readonly calendars: number;
  readonly people: number;
  /** Every Google call (Calendar and Directory) of the steady state, per watched calendar per day. */
  readonly perCalendarPerDay: number;
  readonly directoryPerPersonPerDay: number;
  /** Calls by operation over the 28 days. */
  readonly counts: Record<(typeof OPERATIONS)[number], number>;
  /** Calls per cancellation: the push notification's sync. */
  readonly perChange: number;
}

/**
 * The Google calls of a manager with four weekly 1:1s whose directory names her as their manager:
 * 28 days of hourly timers with no change, then 20 cancellations, on the simulated clock through the
 * real adapters and the fake Google. Deterministic: the bench prints it, a test asserts it.
 */
export async function countGoogleCalls(options: {
  watched: 'manager' | 'everyone';
}): Promise<GoogleCallCounts> {
  const managers = Object.fromEntries(REPORTS.map((report) => [report, MANAGER]));
  const h = await calendarHarness({ start: '2026-03-01T00:00:00Z', managers });
  try {
    const calendars = options.watched === 'manager' ? [MANAGER] : [MANAGER, ...REPORTS];
    REPORTS.forEach((report, n) => {
      const event = {
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
      };
      // Google keeps the event on the organizer's calendar and a copy on each attendee's
      for (const calendar of [MANAGER, report])
        if (calendars.includes(calendar)) h.fake.upsertEvent(calendar, event);
    });
    for (const calendar of calendars) await watchCalendar(h.deps, calendar, `user-${calendar.split('@')[0]}`);
    await h.drainSyncs();

    h.fake.resetCounts();
    for (let hour = 0; hour < DAYS * 24; hour++) {
      h.time.advance(60);
      await maintainCalendars(h.deps);
      await h.drainSyncs();
    }
    const counts = Object.fromEntries(
      OPERATIONS.map((op) => [op, h.fake.count(op)]),
    ) as GoogleCallCounts['counts'];
    const perCalendarPerDay = h.fake.count() / DAYS / calendars.length;
    const directoryPerPersonPerDay = counts.directoryUser / DAYS / (REPORTS.length + 1);

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
    return {
      calendars: calendars.length,
      people: REPORTS.length + 1,
      perCalendarPerDay,
      directoryPerPersonPerDay,
      counts,
      perChange: h.fake.count() / changes,
    };
  } finally {
    await h.stop();
  }
}
