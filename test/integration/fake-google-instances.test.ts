import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startFakeGoogleCalendar,
  type FakeGoogleCalendar,
  type FakeGoogleCalendarOptions,
} from '../../sandbox/fake-google/index.js';

/** `expect.any(String)` without its `any` type. */
const anyString: unknown = expect.any(String);

const CAL = 'ada@example.com';
let fake: FakeGoogleCalendar | undefined;

afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(
  options: FakeGoogleCalendarOptions = {},
): Promise<{ fake: FakeGoogleCalendar; client: calendar_v3.Calendar }> {
  fake = await startFakeGoogleCalendar({ now: () => new Date('2026-03-01T12:00:00Z'), ...options });
  const oauth2 = new auth.OAuth2();
  oauth2.setCredentials({ access_token: 'fake-token' });
  return { fake, client: calendar({ version: 'v3', rootUrl: `${fake.url}/`, auth: oauth2, retry: false }) };
}

function series(
  id: string,
  localStart: string,
  timeZone: string,
  recurrence: string[],
): calendar_v3.Schema$Event {
  const end = localStart.replace(/T(\d{2}):00/, 'T$1:30');
  return {
    id,
    summary: `series ${id}`,
    organizer: { email: 'ada@example.com' },
    attendees: [
      { email: 'ada@example.com', responseStatus: 'accepted' },
      { email: 'bob@example.com', responseStatus: 'needsAction' },
    ],
    start: { dateTime: localStart, timeZone },
    end: { dateTime: end, timeZone },
    recurrence,
  };
}

async function instances(
  client: calendar_v3.Calendar,
  eventId: string,
  params: Omit<calendar_v3.Params$Resource$Events$Instances, 'calendarId' | 'eventId'> = {},
): Promise<calendar_v3.Schema$Event[]> {
  const items: calendar_v3.Schema$Event[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await client.events.instances({
      calendarId: CAL,
      eventId,
      ...params,
      ...(pageToken ? { pageToken } : {}),
    });
    items.push(...(data.items ?? []));
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return items;
}

const utc = (event: calendar_v3.Schema$Event): string => new Date(event.start?.dateTime ?? '').toISOString();

describe('events.instances across DST', () => {
  it('keeps 09:00 Europe/Berlin through the last Sunday of March and of October; UTC moves', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(
      CAL,
      series('spring', '2026-03-23T09:00:00', 'Europe/Berlin', ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2']),
    );
    fake.upsertEvent(
      CAL,
      series('autumn', '2026-10-19T09:00:00', 'Europe/Berlin', ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2']),
    );

    const spring = await instances(client, 'spring');
    expect(spring.map((event) => event.start?.dateTime)).toEqual([
      '2026-03-23T09:00:00+01:00',
      '2026-03-30T09:00:00+02:00',
    ]);
    expect(spring.map(utc)).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(spring.map((event) => event.id)).toEqual(['spring_20260323T080000Z', 'spring_20260330T070000Z']);
    expect(spring[1]).toMatchObject({
      kind: 'calendar#event',
      recurringEventId: 'spring',
      iCalUID: 'spring@google.com',
      summary: 'series spring',
      organizer: { email: 'ada@example.com' },
      originalStartTime: { dateTime: '2026-03-30T09:00:00+02:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-30T09:30:00+02:00', timeZone: 'Europe/Berlin' },
    });
    expect(spring[1]?.recurrence).toBeUndefined();

    const autumn = await instances(client, 'autumn');
    expect(autumn.map((event) => event.start?.dateTime)).toEqual([
      '2026-10-19T09:00:00+02:00',
      '2026-10-26T09:00:00+01:00',
    ]);
    expect(autumn.map(utc)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('keeps 09:00 America/New_York through the second Sunday of March and the first of November', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(
      CAL,
      series('spring', '2026-03-03T09:00:00-05:00', 'America/New_York', ['RRULE:FREQ=WEEKLY;COUNT=2']),
    );
    fake.upsertEvent(
      CAL,
      series('autumn', '2026-10-27T09:00:00-04:00', 'America/New_York', ['RRULE:FREQ=WEEKLY;COUNT=2']),
    );
    expect((await instances(client, 'spring')).map((event) => [event.id, event.start?.dateTime])).toEqual([
      ['spring_20260303T140000Z', '2026-03-03T09:00:00-05:00'],
      ['spring_20260310T130000Z', '2026-03-10T09:00:00-04:00'],
    ]);
    expect((await instances(client, 'autumn')).map((event) => [event.id, event.start?.dateTime])).toEqual([
      ['autumn_20261027T130000Z', '2026-10-27T09:00:00-04:00'],
      ['autumn_20261103T140000Z', '2026-11-03T09:00:00-05:00'],
    ]);
  });
});

describe('events.instances and the recurrence rule', () => {
  it('leaves out EXDATEs, stops at COUNT and pages', async () => {
    const { fake, client } = await start({ pageSize: 2 });
    fake.upsertEvent(
      CAL,
      series('weekly', '2026-03-16T09:00:00+01:00', 'Europe/Berlin', [
        'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5',
        'EXDATE;TZID=Europe/Berlin:20260323T090000',
        'EXDATE:20260406T070000Z',
      ]),
    );
    const { data: first } = await client.events.instances({ calendarId: CAL, eventId: 'weekly' });
    expect(first.items).toHaveLength(2);
    expect(first.nextPageToken).toEqual(anyString);
    expect((await instances(client, 'weekly')).map(utc)).toEqual([
      '2026-03-16T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-13T07:00:00.000Z',
    ]);
  });

  it('windows an endless series by timeMin/timeMax and stops at UNTIL after truncateSeries', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(
      CAL,
      series('endless', '2026-03-16T09:00:00+01:00', 'Europe/Berlin', ['RRULE:FREQ=WEEKLY;BYDAY=MO']),
    );
    const window = { timeMin: '2026-03-20T00:00:00Z', timeMax: '2026-05-01T00:00:00Z' };
    expect(await instances(client, 'endless', window)).toHaveLength(6);

    fake.truncateSeries(CAL, 'endless', '2026-04-06T07:00:00Z');
    const { data: master } = await client.events.get({ calendarId: CAL, eventId: 'endless' });
    expect(master.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260406T070000Z']);
    expect((await instances(client, 'endless', window)).map(utc)).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
  });

  it('drops COUNT when truncating, and names all-day instances by date', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, {
      id: 'allday',
      summary: 'offsite',
      start: { date: '2026-03-02' },
      end: { date: '2026-03-03' },
      recurrence: ['RRULE:FREQ=DAILY;COUNT=10'],
    });
    fake.truncateSeries(CAL, 'allday', '2026-03-04');
    const days = await instances(client, 'allday');
    expect(
      days.map((event) => [event.id, event.start?.date, event.end?.date, event.originalStartTime?.date]),
    ).toEqual([
      ['allday_20260302', '2026-03-02', '2026-03-03', '2026-03-02'],
      ['allday_20260303', '2026-03-03', '2026-03-04', '2026-03-03'],
      ['allday_20260304', '2026-03-04', '2026-03-05', '2026-03-04'],
    ]);
  });
});

describe('events.instances with exceptions', () => {
  it('shows a moved, a declined occurrence in place and a cancelled one only with showDeleted', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(
      CAL,
      series('weekly', '2026-03-16T09:00:00+01:00', 'Europe/Berlin', ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4']),
    );
    fake.moveOccurrence(
      CAL,
      'weekly',
      '2026-03-23T08:00:00Z',
      '2026-03-24T13:00:00Z',
      '2026-03-24T13:30:00Z',
    );
    fake.cancelOccurrence(CAL, 'weekly', '2026-03-30T07:00:00Z');
    fake.declineOccurrence(CAL, 'weekly', '2026-04-06T07:00:00Z', 'bob@example.com');

    const visible = await instances(client, 'weekly');
    expect(visible.map((event) => [event.id, event.start?.dateTime])).toEqual([
      ['weekly_20260316T080000Z', '2026-03-16T09:00:00+01:00'],
      ['weekly_20260323T080000Z', '2026-03-24T14:00:00+01:00'],
      ['weekly_20260406T070000Z', '2026-04-06T09:00:00+02:00'],
    ]);
    expect(visible[1]?.originalStartTime).toEqual({
      dateTime: '2026-03-23T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(
      visible.map((event) => event.attendees?.find((a) => a.email === 'bob@example.com')?.responseStatus),
    ).toEqual(['needsAction', 'needsAction', 'declined']);

    const all = await instances(client, 'weekly', { showDeleted: true });
    expect(all.map((event) => event.id)).toContain('weekly_20260330T070000Z');
    expect(all.find((event) => event.id === 'weekly_20260330T070000Z')).toEqual({
      kind: 'calendar#event',
      etag: anyString,
      id: 'weekly_20260330T070000Z',
      status: 'cancelled',
      recurringEventId: 'weekly',
      originalStartTime: { dateTime: '2026-03-30T09:00:00+02:00', timeZone: 'Europe/Berlin' },
    });
    // A window that holds only the new time finds the moved occurrence; one with only the old time does not.
    const moved = await instances(client, 'weekly', {
      timeMin: '2026-03-24T00:00:00Z',
      timeMax: '2026-03-25T00:00:00Z',
    });
    expect(moved.map((event) => event.id)).toEqual(['weekly_20260323T080000Z']);
    const old = await instances(client, 'weekly', {
      timeMin: '2026-03-23T00:00:00Z',
      timeMax: '2026-03-24T00:00:00Z',
    });
    expect(old).toEqual([]);
  });

  it('splits a series ("this and following") into a truncated old one and a new master', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(
      CAL,
      series('weekly', '2026-03-16T09:00:00+01:00', 'Europe/Berlin', ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6']),
    );
    const successor = fake.splitSeries(CAL, 'weekly', '2026-04-06T07:00:00Z', { summary: 'renamed' });
    expect(successor).toMatchObject({ id: 'weekly_R20260406T070000Z', summary: 'renamed' });
    expect(successor.iCalUID).not.toBe('weekly@google.com');

    expect((await instances(client, 'weekly')).map(utc)).toEqual([
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    const following = await instances(client, 'weekly_R20260406T070000Z');
    expect(following.map((event) => [event.id, event.start?.dateTime, event.summary])).toEqual([
      ['weekly_R20260406T070000Z_20260406T070000Z', '2026-04-06T09:00:00+02:00', 'renamed'],
      ['weekly_R20260406T070000Z_20260413T070000Z', '2026-04-13T09:00:00+02:00', 'renamed'],
      ['weekly_R20260406T070000Z_20260420T070000Z', '2026-04-20T09:00:00+02:00', 'renamed'],
    ]);
    expect(fake.events(CAL).map((event) => event.id)).toEqual(['weekly', 'weekly_R20260406T070000Z']);
  });

  it('deletes a series: the master is cancelled, its instances go, a sync reports it', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(
      CAL,
      series('weekly', '2026-03-16T09:00:00+01:00', 'Europe/Berlin', ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3']),
    );
    const { data: full } = await client.events.list({ calendarId: CAL });
    fake.deleteSeries(CAL, 'weekly');

    expect((await client.events.get({ calendarId: CAL, eventId: 'weekly' })).data.status).toBe('cancelled');
    expect(await instances(client, 'weekly')).toEqual([]);
    expect((await instances(client, 'weekly', { showDeleted: true })).map((event) => event.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    const { data: changes } = await client.events.list({
      calendarId: CAL,
      syncToken: full.nextSyncToken ?? '',
    });
    expect(changes.items).toEqual([
      { kind: 'calendar#event', etag: anyString, id: 'weekly', status: 'cancelled' },
    ]);
  });

  it('answers 404 for an unknown series and 400 for an event that does not recur', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, {
      id: 'once',
      start: { dateTime: '2026-03-02T10:00:00Z' },
      end: { dateTime: '2026-03-02T11:00:00Z' },
    });
    const unknown = await client.events
      .instances({ calendarId: CAL, eventId: 'nope' })
      .catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404 });
    const single = await client.events
      .instances({ calendarId: CAL, eventId: 'once' })
      .catch((error: unknown) => error);
    expect(single).toMatchObject({ status: 400 });
  });
});
