import type { calendar_v3 } from '@googleapis/calendar';
import { instantOf } from '../../../sandbox/fake-google/event-time.js';
import { expandSeries } from '../../../sandbox/fake-google/expand.js';
import type { FakeGoogleCalendar } from '../../../sandbox/fake-google/index.js';
import { formatInZone } from '../../../sandbox/fake-google/time-zone.js';
import { docId, occurrenceIdOf, pairIdOf, utc } from '../../../shared/domain/index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What an occurrence looks like from some moment on. `removed`: the series ended or split before it. */
export interface OccurrenceState {
  readonly start: number;
  readonly end: number;
  readonly cancelled: boolean;
  readonly declinedBy: readonly string[];
  readonly removed: boolean;
}

/** One occurrence and its history: each change with the instant it was made on the calendar. */
export interface WorldOccurrence {
  /** Steady's occurrence id: series (by iCalUID) + original start. */
  readonly id: string;
  readonly pairId: string;
  readonly masterId: string;
  readonly originalStart: number;
  readonly timeline: { at: number; state: OccurrenceState }[];
}

export interface WorldPerson {
  readonly email: string;
  readonly name: string;
  readonly timeZone: string;
  readonly teams: boolean;
  /** When the person was without the app (removed, with or without Teams telling the bot; `to` a reinstall). */
  readonly away: { from: number; to: number }[];
}

export interface WorldSeries {
  readonly masterId: string;
  readonly pairId: string;
  readonly manager: string;
  readonly report: string;
  readonly timeZone: string;
  readonly minutes: number;
  readonly occurrences: WorldOccurrence[];
}

/**
 * The truth the soak and the fault matrix check Steady against: the people, their recurring 1:1s as
 * Google holds them, and every change with its time. Each change is made on the fake Google Calendar
 * (on both people's calendars, as Google shows an organizer's change to every attendee) and recorded
 * here; occurrences come from the fake's own RRULE expansion, i.e. from "Google".
 */
export class World {
  readonly people = new Map<string, WorldPerson>();
  readonly series = new Map<string, WorldSeries>();
  readonly occurrences = new Map<string, WorldOccurrence>();
  readonly changes: { at: number; what: string }[] = [];

  constructor(
    private readonly fake: FakeGoogleCalendar,
    /** Occurrences are expanded up to here. */
    private readonly until: number,
  ) {}

  addPerson(person: Omit<WorldPerson, 'away'>): void {
    this.people.set(person.email, { ...person, away: [] });
  }

  person(email: string): WorldPerson {
    const person = this.people.get(email);
    if (person === undefined) throw new Error(`no such person: ${email}`);
    return person;
  }

  /** A weekly (`interval` 1) or fortnightly (2) 1:1 organised by the manager, on both calendars. */
  addSeries(
    spec: {
      masterId: string;
      manager: string;
      report: string;
      firstStart: number;
      timeZone: string;
      minutes: number;
      interval: 1 | 2;
    },
    at: number,
  ): WorldSeries {
    const event: calendar_v3.Schema$Event = {
      id: spec.masterId,
      iCalUID: `${spec.masterId}@google.com`,
      summary: `${this.person(spec.manager).name} / ${this.person(spec.report).name}`,
      start: { dateTime: formatInZone(spec.firstStart, spec.timeZone), timeZone: spec.timeZone },
      end: {
        dateTime: formatInZone(spec.firstStart + spec.minutes * MINUTE, spec.timeZone),
        timeZone: spec.timeZone,
      },
      recurrence: [`RRULE:FREQ=WEEKLY;INTERVAL=${spec.interval}`],
      organizer: { email: spec.manager },
      attendees: [
        { email: spec.manager, responseStatus: 'accepted', organizer: true },
        { email: spec.report, responseStatus: 'accepted' },
      ],
    };
    for (const calendarId of [spec.manager, spec.report]) this.fake.upsertEvent(calendarId, event);
    return this.record(event, spec, at);
  }

  /** The state of an occurrence as of `t` (undefined before its series existed). */
  stateAt(occurrence: WorldOccurrence, t: number): OccurrenceState | undefined {
    let state: OccurrenceState | undefined;
    for (const entry of occurrence.timeline) {
      if (entry.at > t) break;
      state = entry.state;
    }
    return state;
  }

  final(occurrence: WorldOccurrence): OccurrenceState {
    const last = occurrence.timeline.at(-1);
    if (last === undefined) throw new Error(`${occurrence.id} has no history`);
    return last.state;
  }

  cancel(occurrence: WorldOccurrence, at: number): void {
    this.onBoth(occurrence, (calendarId) =>
      this.fake.cancelOccurrence(calendarId, occurrence.masterId, utc(new Date(occurrence.originalStart))),
    );
    this.change(occurrence, at, 'cancel', (s) => ({ ...s, cancelled: true }));
  }

  decline(occurrence: WorldOccurrence, email: string, at: number): void {
    this.onBoth(occurrence, (calendarId) =>
      this.fake.declineOccurrence(
        calendarId,
        occurrence.masterId,
        utc(new Date(occurrence.originalStart)),
        email,
      ),
    );
    this.change(occurrence, at, `decline by ${email}`, (s) => ({
      ...s,
      declinedBy: [...new Set([...s.declinedBy, email])],
    }));
  }

  move(occurrence: WorldOccurrence, start: number, at: number): void {
    const { start: from, end } = this.final(occurrence);
    const to = { start, end: start + (end - from) };
    this.onBoth(occurrence, (calendarId) =>
      this.fake.moveOccurrence(
        calendarId,
        occurrence.masterId,
        utc(new Date(occurrence.originalStart)),
        new Date(to.start).toISOString(),
        new Date(to.end).toISOString(),
      ),
    );
    this.change(occurrence, at, 'move', (s) => ({ ...s, ...to }));
  }

  /** The series ends: UNTIL at `until` (inclusive); later occurrences go. */
  end(masterId: string, until: number, at: number): void {
    const series = this.seriesOf(masterId);
    for (const calendarId of [series.manager, series.report])
      this.fake.truncateSeries(calendarId, masterId, utc(new Date(until)));
    for (const occurrence of series.occurrences)
      if (occurrence.originalStart > until)
        this.change(occurrence, at, 'series ended', (s) => ({ ...s, removed: true }));
  }

  /**
   * "This and following": the series ends before `from` and a new series (its own iCalUID) continues
   * from `firstStart`, weekly on that weekday and time.
   */
  split(masterId: string, from: WorldOccurrence, firstStart: number, at: number): WorldSeries {
    const series = this.seriesOf(masterId);
    let successor: calendar_v3.Schema$Event | undefined;
    for (const calendarId of [series.manager, series.report]) {
      successor = this.fake.splitSeries(calendarId, masterId, utc(new Date(from.originalStart)), {
        start: { dateTime: formatInZone(firstStart, series.timeZone), timeZone: series.timeZone },
        end: {
          dateTime: formatInZone(firstStart + series.minutes * MINUTE, series.timeZone),
          timeZone: series.timeZone,
        },
        recurrence: ['RRULE:FREQ=WEEKLY'],
      });
    }
    for (const occurrence of series.occurrences)
      if (occurrence.originalStart >= from.originalStart)
        this.change(occurrence, at, 'series split', (s) => ({ ...s, removed: true }));
    if (successor?.id == null) throw new Error('splitSeries returned no event');
    return this.record(successor, { ...series, masterId: successor.id }, at);
  }

  seriesOf(masterId: string): WorldSeries {
    const series = this.series.get(masterId);
    if (series === undefined) throw new Error(`no such series: ${masterId}`);
    return series;
  }

  /** Whether the person had the app at `t` (everyone who has it installs it when the run starts). */
  hasApp(email: string, t: number): boolean {
    const person = this.person(email);
    return person.teams && !person.away.some((w) => t >= w.from && t < w.to);
  }

  /** The app removed at `from`, and installed again at `to` (Infinity: never). */
  away(email: string, from: number, to = Number.POSITIVE_INFINITY): void {
    this.person(email).away.push({ from, to });
  }

  private record(
    event: calendar_v3.Schema$Event,
    spec: { masterId: string; manager: string; report: string; timeZone: string; minutes: number },
    at: number,
  ): WorldSeries {
    const pairId = pairIdOf(spec.manager, spec.report);
    const seriesId = docId('series', event.iCalUID ?? '');
    const expanded = expandSeries(event, { from: at - DAY, to: this.until + 14 * DAY }, spec.timeZone);
    const occurrences = expanded.map((o): WorldOccurrence => {
      const originalStart = instantOf(o.originalStart);
      const occurrence: WorldOccurrence = {
        id: occurrenceIdOf(seriesId, utc(new Date(originalStart))),
        pairId,
        masterId: spec.masterId,
        originalStart,
        timeline: [
          {
            at,
            state: {
              start: instantOf(o.start),
              end: instantOf(o.end),
              cancelled: false,
              declinedBy: [],
              removed: false,
            },
          },
        ],
      };
      this.occurrences.set(occurrence.id, occurrence);
      return occurrence;
    });
    const series: WorldSeries = { ...spec, pairId, occurrences };
    this.series.set(spec.masterId, series);
    this.changes.push({ at, what: `series ${spec.masterId}` });
    return series;
  }

  private onBoth(occurrence: WorldOccurrence, change: (calendarId: string) => void): void {
    const series = this.seriesOf(occurrence.masterId);
    for (const calendarId of [series.manager, series.report]) change(calendarId);
  }

  private change(
    occurrence: WorldOccurrence,
    at: number,
    what: string,
    next: (state: OccurrenceState) => OccurrenceState,
  ): void {
    occurrence.timeline.push({ at, state: next(this.final(occurrence)) });
    this.changes.push({ at, what: `${what} ${occurrence.id}` });
  }
}
