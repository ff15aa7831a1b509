/**
 * The sample organisation of `npm start`: Maria manages Dev (weekly, Tuesdays), Ana (weekly, Thursdays)
 * and Li (fortnightly, Mondays, a 1:1 that keeps getting cancelled: one two weeks before this week's,
 * and the next two, a moment after the first start). The series started four weeks before the first
 * start, so there are past and upcoming occurrences. Times are in Berlin. Dev's and Ana's have a Google
 * Meet call (the agenda's Join), as Google writes it; Li's has none.
 */
import type { FakeDirectoryUser } from './fake-google/index.js';
export const MANAGER = { email: 'maria@contoso.com', name: 'Maria Lopez', timeZone: 'Europe/Berlin' };
export const REPORTS = [
  { email: 'dev@contoso.com', name: 'Dev Patel', timeZone: 'Europe/Berlin', weekday: 1, hour: 10, weeks: 1 },
  { email: 'ana@contoso.com', name: 'Ana Silva', timeZone: 'Europe/Berlin', weekday: 3, hour: 14, weeks: 1 },
  { email: 'li@contoso.com', name: 'Li Wei', timeZone: 'Europe/Berlin', weekday: 0, hour: 11, weeks: 2 },
] as const;

export const PEOPLE = [MANAGER, ...REPORTS.map(({ email, name, timeZone }) => ({ email, name, timeZone }))];
/**
 * The sample organisation's Workspace directory, which the fake Google serves (`users.get`) and
 * Steady reads through its Google directory adapter, as in Azure: Maria manages every report.
 */
export const SAMPLE_DIRECTORY: readonly FakeDirectoryUser[] = [
  { primaryEmail: MANAGER.email },
  ...REPORTS.map((r) => ({ primaryEmail: r.email, manager: MANAGER.email })),
];

const DAY = 24 * 3600_000;

/** Monday 00:00 UTC of the week of `now`. */
export function weekAnchor(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - ((now.getUTCDay() + 6) % 7) * DAY);
}

/** Local wall time in Berlin written with its offset, as Google writes `dateTime`. */
function berlin(day: Date, hour: number, minute = 0): string {
  const probe = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute));
  const offset = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' })
      .formatToParts(probe)
      .find((p) => p.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '0',
  );
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}:00+${pad(offset)}:00`;
}

/**
 * The calendars (as Google lists them) and the exception that starts Li's story: the 1:1 two weeks
 * before this week's was cancelled. The next two are cancelled once Steady is running (`liCancellations`).
 */
export function sampleCalendars(anchor: Date) {
  const first = new Date(anchor.getTime() - 28 * DAY);
  const events: { calendarId: string; event: Record<string, unknown> }[] = [];
  const cancellations: Cancellation[] = [];
  for (const report of REPORTS) {
    const day = new Date(first.getTime() + report.weekday * DAY);
    const id = seriesIdOf(report.email);
    const event = {
      id,
      iCalUID: `${id}@google.com`,
      summary: `${MANAGER.name.split(' ')[0] ?? ''} / ${report.name.split(' ')[0] ?? ''} 1:1`,
      start: { dateTime: berlin(day, report.hour), timeZone: 'Europe/Berlin' },
      end: { dateTime: berlin(day, report.hour, 30), timeZone: 'Europe/Berlin' },
      recurrence: [`RRULE:FREQ=WEEKLY;INTERVAL=${report.weeks}`],
      organizer: { email: MANAGER.email },
      attendees: [
        { email: MANAGER.email, responseStatus: 'accepted', organizer: true },
        { email: report.email, responseStatus: 'accepted' },
      ],
      ...meetCall(MEET_CODES[report.email]),
    };
    events.push({ calendarId: MANAGER.email, event }, { calendarId: report.email, event });
    if (report.weeks === 2) cancellations.push(cancellation(report, new Date(berlin(day, report.hour)), 1));
  }
  return { events, cancellations };
}

export interface Cancellation {
  readonly calendarId: string;
  readonly masterId: string;
  readonly originalStart: string;
}

/**
 * Li's next two 1:1s after `now` (at least two hours ahead), which Maria cancels a moment after the
 * sandbox's first start: Steady sees them through Google's push notification and Maria gets the cadence
 * alert within seconds, days before either date.
 */
export function liCancellations(anchor: Date, now: Date): Cancellation[] {
  const li = REPORTS.find((r) => r.weeks === 2);
  if (li === undefined) return [];
  const first = new Date(berlin(new Date(anchor.getTime() - 28 * DAY + li.weekday * DAY), li.hour));
  const next = Math.max(0, Math.ceil((now.getTime() + 2 * 3600_000 - first.getTime()) / (14 * DAY)));
  return [next, next + 1].map((n) => cancellation(li, first, n));
}

/** The Meet call of each 1:1 that has one. */
const MEET_CODES: Partial<Record<string, string>> = {
  'dev@contoso.com': 'dvp-mrlz-tue',
  'ana@contoso.com': 'asl-mrlz-thu',
};

/** `hangoutLink` and `conferenceData` as Google sets them on an event with a Meet call. */
function meetCall(code: string | undefined): Record<string, unknown> {
  if (code === undefined) return {};
  const uri = `https://meet.google.com/${code}`;
  return {
    hangoutLink: uri,
    conferenceData: {
      conferenceId: code,
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      entryPoints: [{ entryPointType: 'video', uri, label: uri.replace('https://', '') }],
    },
  };
}

const seriesIdOf = (email: string): string => `sample-${email.split('@')[0] ?? 'x'}`;

/** The `n`-th fortnightly occurrence of `report`'s series from `first`, cancelled on Maria's calendar. */
function cancellation(report: (typeof REPORTS)[number], first: Date, n: number): Cancellation {
  const at = new Date(first.getTime() + n * 14 * DAY);
  return {
    calendarId: MANAGER.email,
    masterId: seriesIdOf(report.email),
    originalStart: at.toISOString().replace('.000Z', 'Z'),
  };
}
