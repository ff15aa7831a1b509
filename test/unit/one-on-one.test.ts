import { describe, expect, it } from 'vitest';
import {
  jobsFor,
  managerAndReport,
  occurrenceFromInstance,
  oneOnOneOf,
  untilOf,
  type CalendarEvent,
  type Occurrence,
} from '../../shared/domain/index.js';

const master = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: 'weekly',
  status: 'confirmed',
  iCalUID: 'weekly@google.com',
  start: '2026-03-03T09:00:00Z',
  end: '2026-03-03T09:30:00Z',
  allDay: false,
  timeZone: 'Europe/Berlin',
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
  organizerEmail: 'maria@contoso.com',
  attendees: [
    { email: 'maria@contoso.com', responseStatus: 'accepted', resource: false },
    { email: 'dev@contoso.com', responseStatus: 'accepted', resource: false },
  ],
  attendeesOmitted: false,
  ...overrides,
});

const person = (email: string, responseStatus: 'accepted' | 'declined' = 'accepted') => ({
  email,
  responseStatus,
  resource: false,
});

describe('what counts as a recurring 1:1', () => {
  it('is a timed recurring default event of two people, organizer first', () => {
    expect(oneOnOneOf(master())).toEqual({
      ok: true,
      value: { people: ['maria@contoso.com', 'dev@contoso.com'], organizerEmail: 'maria@contoso.com' },
    });
  });

  it('counts the organizer even when not listed as an attendee, and drops rooms', () => {
    const event = master({
      attendees: [
        person('dev@contoso.com'),
        { email: 'room-4@resource.calendar.google.com', responseStatus: 'accepted', resource: true },
      ],
    });
    expect(oneOnOneOf(event)).toMatchObject({
      ok: true,
      value: { people: ['maria@contoso.com', 'dev@contoso.com'] },
    });
  });

  it.each([
    ['a single event', master({ recurrence: undefined as never }), 'NOT_RECURRING'],
    [
      'a group meeting',
      master({ attendees: [person('dev@contoso.com'), person('ana@contoso.com')] }),
      'NOT_TWO_PEOPLE',
    ],
    ['a meeting with oneself', master({ attendees: [] }), 'NOT_TWO_PEOPLE'],
    ['an all-day event', master({ allDay: true, start: '2026-03-03', end: '2026-03-04' }), 'ALL_DAY'],
    ['longer than 90 minutes', master({ end: '2026-03-03T10:31:00Z' }), 'TOO_LONG'],
    ['hidden attendees', master({ attendeesOmitted: true }), 'ATTENDEES_OMITTED'],
    ['out of office', master({ eventType: 'outOfOffice' }), 'NOT_DEFAULT_EVENT_TYPE'],
    ['focus time', master({ eventType: 'focusTime' }), 'NOT_DEFAULT_EVENT_TYPE'],
    ['a cancelled series', master({ status: 'cancelled' }), 'CANCELLED'],
  ])('is not %s', (_, event, reason) => {
    expect(oneOnOneOf(event)).toEqual({ ok: false, error: reason });
  });

  it('accepts exactly 90 minutes', () => {
    expect(oneOnOneOf(master({ end: '2026-03-03T10:30:00Z' })).ok).toBe(true);
  });
});

describe('who manages whom', () => {
  const oneOnOne = {
    people: ['dev@contoso.com', 'maria@contoso.com'] as const,
    organizerEmail: 'dev@contoso.com',
  };
  it("takes the directory's word over the organizer", () => {
    expect(
      managerAndReport(oneOnOne, new Map([['dev@contoso.com', { managerEmail: 'maria@contoso.com' }]])),
    ).toMatchObject({
      managerEmail: 'maria@contoso.com',
      reportEmail: 'dev@contoso.com',
      source: 'directory',
    });
  });
  it('counts a dotted-line manager, in either direction', () => {
    const dotted = new Map([['maria@contoso.com', { dottedLineManagerEmails: ['dev@contoso.com'] }]]);
    expect(managerAndReport(oneOnOne, dotted)).toMatchObject({
      managerEmail: 'dev@contoso.com',
      reportEmail: 'maria@contoso.com',
      source: 'directory',
    });
  });
  it('without a directory answer the organizer only keys the pair: unconfirmed, naming who has a manager elsewhere', () => {
    const elsewhere = new Map([['dev@contoso.com', { managerEmail: 'sam@contoso.com' }]]);
    expect(managerAndReport(oneOnOne, elsewhere)).toEqual({
      managerEmail: 'dev@contoso.com',
      reportEmail: 'maria@contoso.com',
      source: 'unconfirmed',
      managerListedFor: ['dev@contoso.com'],
    });
    expect(managerAndReport(oneOnOne, new Map()).managerListedFor).toEqual([]);
  });
});

describe('an occurrence from its instance', () => {
  const context = { people: ['maria@contoso.com', 'dev@contoso.com'], durationMinutes: 30 };
  const instance = (overrides: Partial<CalendarEvent> = {}): CalendarEvent =>
    master({
      id: 'weekly_20260310T080000Z',
      recurringEventId: 'weekly',
      recurrence: undefined as never,
      originalStart: '2026-03-10T08:00:00Z',
      start: '2026-03-10T08:00:00Z',
      end: '2026-03-10T08:30:00Z',
      ...overrides,
    });

  it('keeps the original start as its key and the new times when moved', () => {
    expect(
      occurrenceFromInstance(
        instance({ start: '2026-03-11T13:00:00Z', end: '2026-03-11T13:30:00Z' }),
        context,
      ),
    ).toEqual({
      originalStart: '2026-03-10T08:00:00Z',
      start: '2026-03-11T13:00:00Z',
      end: '2026-03-11T13:30:00Z',
      status: 'confirmed',
      declinedBy: [],
    });
  });

  it('is cancelled even when the instance carries only its guaranteed fields', () => {
    const bare: CalendarEvent = {
      id: 'weekly_x',
      status: 'cancelled',
      recurringEventId: 'weekly',
      originalStart: '2026-03-10T08:00:00Z',
      allDay: false,
      attendees: [],
      attendeesOmitted: false,
    };
    expect(occurrenceFromInstance(bare, context)).toEqual({
      originalStart: '2026-03-10T08:00:00Z',
      start: '2026-03-10T08:00:00Z',
      end: '2026-03-10T08:30:00Z',
      status: 'cancelled',
      declinedBy: [],
    });
  });

  it('records who of the pair declined, and only them', () => {
    const declined = instance({
      attendees: [person('dev@contoso.com', 'declined'), person('someone@else.com', 'declined')],
    });
    expect(occurrenceFromInstance(declined, context)?.declinedBy).toEqual(['dev@contoso.com']);
  });
});

describe('UNTIL of a series', () => {
  it('reads date-time and date forms, and nothing from COUNT', () => {
    expect(untilOf(['RRULE:FREQ=WEEKLY;UNTIL=20260331T235959Z;BYDAY=TU'])).toBe('2026-03-31T23:59:59Z');
    expect(untilOf(['EXDATE:20260310T090000Z', 'RRULE:FREQ=WEEKLY;UNTIL=20260331'])).toBe(
      '2026-03-31T23:59:59Z',
    );
    expect(untilOf(['RRULE:FREQ=WEEKLY;COUNT=4'])).toBeUndefined();
  });
});

describe('jobs of an occurrence', () => {
  const occurrence = (overrides: Partial<Occurrence> = {}): Occurrence => ({
    type: 'occurrence',
    id: 'o',
    pairId: 'p',
    seriesId: 's',
    originalStart: '2026-03-10T08:00:00Z',
    start: '2026-03-11T13:00:00Z',
    end: '2026-03-11T13:30:00Z',
    status: 'confirmed',
    declinedBy: [],
    jobs: [],
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    ...overrides,
  });
  const settings = { agendaLeadMinutes: 1440, summaryDelayMinutes: 15 };

  it('puts agenda and summary around the moved times and the cadence check at the original start', () => {
    expect(jobsFor(occurrence(), settings)).toEqual([
      { kind: 'agenda', dueAt: '2026-03-10T13:00:00Z' },
      { kind: 'summary', dueAt: '2026-03-11T13:45:00Z' },
      { kind: 'cadenceCheck', dueAt: '2026-03-10T08:00:00Z' },
    ]);
  });

  it('keeps only the cadence check for a cancelled occurrence, and the agenda too for a declined one', () => {
    expect(jobsFor(occurrence({ status: 'cancelled' }), settings)).toEqual([
      { kind: 'cadenceCheck', dueAt: '2026-03-10T08:00:00Z' },
    ]);
    // the one who did not decline a declined series gets an agenda that says so (the deliver function decides)
    expect(jobsFor(occurrence({ declinedBy: ['dev@contoso.com'] }), settings)).toEqual([
      { kind: 'agenda', dueAt: '2026-03-10T13:00:00Z' },
      { kind: 'cadenceCheck', dueAt: '2026-03-10T08:00:00Z' },
    ]);
  });
});
