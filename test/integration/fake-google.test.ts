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
const NOW = new Date('2026-03-01T12:00:00Z');
let fake: FakeGoogleCalendar | undefined;

afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(
  options: FakeGoogleCalendarOptions = {},
): Promise<{ fake: FakeGoogleCalendar; client: calendar_v3.Calendar }> {
  fake = await startFakeGoogleCalendar({ now: () => NOW, ...options });
  const oauth2 = new auth.OAuth2();
  oauth2.setCredentials({ access_token: 'fake-token' });
  return { fake, client: calendar({ version: 'v3', rootUrl: `${fake.url}/`, auth: oauth2, retry: false }) };
}

/** What the client throws, as the code under test will see it. */
interface ClientError {
  code?: unknown;
  status?: number;
  response?: {
    status: number;
    data: { error: { code: number; message: string; errors: Record<string, string>[] } };
  };
}

async function failure(call: Promise<unknown>): Promise<ClientError> {
  try {
    await call;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected the call to fail');
}

function single(id: string, day: number): calendar_v3.Schema$Event {
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  return {
    id,
    summary: id,
    start: { dateTime: `${date}T10:00:00Z` },
    end: { dateTime: `${date}T11:00:00Z` },
  };
}

const weekly: calendar_v3.Schema$Event = {
  id: 'weekly1on1',
  summary: '1:1 Ada / Bob',
  start: { dateTime: '2026-03-16T09:00:00+01:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2026-03-16T09:30:00+01:00', timeZone: 'Europe/Berlin' },
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5'],
  attendees: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
};

/** Follows nextPageToken to the end, as a sync does; returns every page. */
async function allPages(
  client: calendar_v3.Calendar,
  params: calendar_v3.Params$Resource$Events$List,
): Promise<calendar_v3.Schema$Events[]> {
  const pages: calendar_v3.Schema$Events[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await client.events.list({
      calendarId: CAL,
      ...params,
      ...(pageToken ? { pageToken } : {}),
    });
    pages.push(data);
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return pages;
}

describe('events.list', () => {
  it('pages a full sync, gives the sync token only on the last page, then returns only changes', async () => {
    const { fake, client } = await start({ pageSize: 2 });
    fake.upsertEvent(CAL, single('single1', 2));
    fake.upsertEvent(CAL, weekly);
    fake.upsertEvent(CAL, single('single2', 3));
    fake.upsertEvent(CAL, single('single3', 4));
    fake.upsertEvent(CAL, single('single4', 5));

    const full = await allPages(client, { singleEvents: false, maxResults: 100 });
    expect(full.map((page) => page.items?.length)).toEqual([2, 2, 1]);
    expect(full.slice(0, -1).every((page) => page.nextPageToken && !page.nextSyncToken)).toBe(true);
    const last = full[full.length - 1];
    expect(last?.nextSyncToken).toEqual(anyString);
    expect(last?.nextPageToken).toBeUndefined();
    expect(full[0]).toMatchObject({ kind: 'calendar#events', summary: CAL, timeZone: 'UTC' });
    expect(full.flatMap((page) => page.items ?? []).map((event) => event.id)).toEqual([
      'single1',
      'weekly1on1',
      'single2',
      'single3',
      'single4',
    ]);

    fake.cancelOccurrence(CAL, 'weekly1on1', '2026-03-23T08:00:00Z');
    const { data: changes } = await client.events.list({
      calendarId: CAL,
      syncToken: last?.nextSyncToken ?? '',
    });
    expect(changes.items).toEqual([
      {
        kind: 'calendar#event',
        etag: anyString,
        id: 'weekly1on1_20260323T080000Z',
        status: 'cancelled',
        recurringEventId: 'weekly1on1',
        originalStartTime: { dateTime: '2026-03-23T09:00:00+01:00', timeZone: 'Europe/Berlin' },
      },
    ]);

    fake.deleteEvent(CAL, 'single2');
    const { data: deletion } = await client.events.list({
      calendarId: CAL,
      syncToken: changes.nextSyncToken ?? '',
    });
    expect(deletion.items).toEqual([
      { kind: 'calendar#event', etag: anyString, id: 'single2', status: 'cancelled' },
    ]);

    const { data: quiet } = await client.events.list({
      calendarId: CAL,
      syncToken: deletion.nextSyncToken ?? '',
    });
    expect(quiet.items).toEqual([]);
    expect(quiet.nextSyncToken).toEqual(anyString);
  });

  it("hides deleted events without showDeleted, but lists a series' cancelled occurrences (Google's rule)", async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, single('gone', 2));
    fake.upsertEvent(CAL, weekly);
    fake.deleteEvent(CAL, 'gone');
    fake.cancelOccurrence(CAL, 'weekly1on1', '2026-03-23T08:00:00Z');

    const { data: plain } = await client.events.list({ calendarId: CAL });
    expect(plain.items?.map((event) => [event.id, event.status])).toEqual([
      ['weekly1on1', 'confirmed'],
      ['weekly1on1_20260323T080000Z', 'cancelled'],
    ]);
    const { data: withDeleted } = await client.events.list({ calendarId: CAL, showDeleted: true });
    expect(withDeleted.items?.map((event) => event.id)).toEqual([
      'gone',
      'weekly1on1',
      'weekly1on1_20260323T080000Z',
    ]);
  });

  it('can start with an empty page that still points to the next one', async () => {
    const { fake, client } = await start({ emptyPages: true });
    fake.upsertEvent(CAL, single('single1', 2));
    const pages = await allPages(client, {});
    expect(pages[0]?.items).toEqual([]);
    expect(pages[0]?.nextPageToken).toEqual(anyString);
    expect(pages[0]?.nextSyncToken).toBeUndefined();
    expect(pages.flatMap((page) => page.items ?? []).map((event) => event.id)).toEqual(['single1']);
  });

  it('expands series with singleEvents=true inside timeMin/timeMax', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, weekly);
    fake.upsertEvent(CAL, single('single1', 24));
    fake.moveOccurrence(
      CAL,
      'weekly1on1',
      '2026-03-30T07:00:00Z',
      '2026-03-31T07:00:00Z',
      '2026-03-31T07:30:00Z',
    );
    const { data } = await client.events.list({
      calendarId: CAL,
      singleEvents: true,
      timeMin: '2026-03-20T00:00:00Z',
      timeMax: '2026-04-07T00:00:00Z',
    });
    expect(data.items?.map((event) => [event.id, event.start?.dateTime])).toEqual([
      ['weekly1on1_20260323T080000Z', '2026-03-23T09:00:00+01:00'],
      ['weekly1on1_20260406T070000Z', '2026-04-06T09:00:00+02:00'],
      ['single1', '2026-03-24T10:00:00Z'],
      ['weekly1on1_20260330T070000Z', '2026-03-31T09:00:00+02:00'],
    ]);
  });

  it('refuses timeMin (and the other filters Google forbids) next to a sync token with a 400', async () => {
    const { client } = await start();
    const { data } = await client.events.list({ calendarId: CAL });
    const error = await failure(
      client.events.list({
        calendarId: CAL,
        syncToken: data.nextSyncToken ?? '',
        timeMin: '2026-03-01T00:00:00Z',
      }),
    );
    expect(error.status).toBe(400);
    expect(error.response?.data.error.errors[0]).toMatchObject({
      domain: 'global',
      reason: 'invalid',
      location: 'timeMin',
    });
    const withQ = await failure(
      client.events.list({ calendarId: CAL, syncToken: data.nextSyncToken ?? '', q: 'x' }),
    );
    expect(withQ.response?.data.error.errors[0]).toMatchObject({ reason: 'invalid', location: 'q' });
  });

  it('answers 400 for a token that is not one, and for a malformed timeMin', async () => {
    const { client } = await start();
    const garbage = await failure(client.events.list({ calendarId: CAL, syncToken: 'not-a-token' }));
    expect(garbage.status).toBe(400);
    expect(garbage.response?.data.error.errors[0]).toMatchObject({
      reason: 'invalid',
      location: 'syncToken',
    });
    const badTime = await failure(client.events.list({ calendarId: CAL, timeMin: 'yesterday' }));
    expect(badTime.response?.data.error.errors[0]).toMatchObject({ reason: 'invalid', location: 'timeMin' });
  });

  it('answers 410 fullSyncRequired for a sync token issued before requireFullSync', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, single('single1', 2));
    const { data } = await client.events.list({ calendarId: CAL });
    fake.requireFullSync(CAL);
    const error = await failure(client.events.list({ calendarId: CAL, syncToken: data.nextSyncToken ?? '' }));
    expect(error.code).toBe(410);
    expect(error.status).toBe(410);
    expect(error.response?.data.error).toMatchObject({
      code: 410,
      message: 'Sync token is no longer valid, a full sync is required.',
      errors: [
        {
          domain: 'calendar',
          reason: 'fullSyncRequired',
          message: 'Sync token is no longer valid, a full sync is required.',
        },
      ],
    });
    const { data: again } = await client.events.list({ calendarId: CAL });
    expect(again.items?.map((event) => event.id)).toEqual(['single1']);
    await client.events.list({ calendarId: CAL, syncToken: again.nextSyncToken ?? '' });
  });

  it('answers 410 on a page token mid-way through paging, and only on that calendar', async () => {
    const { fake, client } = await start({ pageSize: 2 });
    for (const day of [2, 3, 4, 5, 6]) fake.upsertEvent(CAL, single(`single${day}`, day));
    fake.upsertEvent('other@example.com', single('elsewhere', 2));
    const { data: first } = await client.events.list({ calendarId: CAL });
    const { data: otherFirst } = await client.events.list({ calendarId: 'other@example.com' });
    expect(first.nextPageToken).toEqual(anyString);
    fake.requireFullSync(CAL);
    const error = await failure(
      client.events.list({ calendarId: CAL, pageToken: first.nextPageToken ?? '' }),
    );
    expect(error.status).toBe(410);
    expect(error.response?.data.error.errors[0]?.reason).toBe('fullSyncRequired');
    const other = await client.events.list({
      calendarId: 'other@example.com',
      syncToken: otherFirst.nextSyncToken ?? '',
    });
    expect(other.status).toBe(200);
  });

  it('pages an incremental sync that started before requireFullSync into a 410 too', async () => {
    const { fake, client } = await start({ pageSize: 1 });
    fake.upsertEvent(CAL, single('single1', 2));
    const { data: full } = await client.events.list({ calendarId: CAL });
    fake.upsertEvent(CAL, single('single2', 3));
    fake.upsertEvent(CAL, single('single3', 4));
    const syncToken = full.nextSyncToken ?? '';
    const { data: first } = await client.events.list({ calendarId: CAL, syncToken });
    expect(first.items?.map((event) => event.id)).toEqual(['single2']);
    fake.requireFullSync();
    const error = await failure(
      client.events.list({ calendarId: CAL, syncToken, pageToken: first.nextPageToken ?? '' }),
    );
    expect(error.status).toBe(410);
  });
});

describe('events.get', () => {
  it('returns masters, exceptions, expanded instances and cancelled events; 404 otherwise', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, weekly);
    fake.upsertEvent(CAL, single('gone', 2));
    fake.deleteEvent(CAL, 'gone');
    fake.declineOccurrence(CAL, 'weekly1on1', '2026-03-23T08:00:00Z', 'bob@example.com');

    const master = await client.events.get({ calendarId: CAL, eventId: 'weekly1on1' });
    expect(master.data).toMatchObject({
      kind: 'calendar#event',
      id: 'weekly1on1',
      iCalUID: 'weekly1on1@google.com',
    });
    const instance = await client.events.get({ calendarId: CAL, eventId: 'weekly1on1_20260330T070000Z' });
    expect(instance.data).toMatchObject({
      id: 'weekly1on1_20260330T070000Z',
      recurringEventId: 'weekly1on1',
      start: { dateTime: '2026-03-30T09:00:00+02:00', timeZone: 'Europe/Berlin' },
      originalStartTime: { dateTime: '2026-03-30T09:00:00+02:00', timeZone: 'Europe/Berlin' },
    });
    expect(instance.data.recurrence).toBeUndefined();
    const exception = await client.events.get({ calendarId: CAL, eventId: 'weekly1on1_20260323T080000Z' });
    expect(exception.data.attendees?.map((a) => a.responseStatus)).toEqual([undefined, 'declined']);
    const cancelled = await client.events.get({ calendarId: CAL, eventId: 'gone' });
    expect(cancelled.data).toMatchObject({ id: 'gone', status: 'cancelled', summary: 'gone' });

    for (const eventId of ['nope', 'weekly1on1_20260324T080000Z', 'weekly1on1_20270322T080000Z']) {
      const error = await failure(client.events.get({ calendarId: CAL, eventId }));
      expect(error.status, eventId).toBe(404);
      expect(error.response?.data.error.errors[0]).toEqual({
        domain: 'global',
        reason: 'notFound',
        message: 'Not Found',
      });
    }
  });
});

describe('faults, authentication and the request record', () => {
  it.each([
    [403, 'usageLimits', 'rateLimitExceeded', 'Rate Limit Exceeded'],
    [429, 'usageLimits', 'rateLimitExceeded', 'Rate Limit Exceeded'],
    [500, 'global', 'backendError', 'Backend Error'],
    [503, 'global', 'backendError', 'Backend Error'],
  ] as const)(
    'failNext(%i) answers with Google’s body once, then serves again',
    async (status, domain, reason, message) => {
      const { fake, client } = await start();
      fake.failNext(1, status);
      const error = await failure(client.events.list({ calendarId: CAL }));
      expect(error.status).toBe(status);
      expect(error.code).toBe(status);
      expect(error.response?.data.error).toEqual({
        code: status,
        message,
        errors: [{ domain, reason, message }],
      });
      expect((await client.events.list({ calendarId: CAL })).status).toBe(200);
      expect(fake.requests.map((request) => request.status)).toEqual([status, 200]);
    },
  );

  it('fails only the requests a fault matches', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, weekly);
    fake.failNext(2, 503, { method: 'GET', path: /\/instances$/ });
    expect((await client.events.list({ calendarId: CAL })).status).toBe(200);
    expect((await failure(client.events.instances({ calendarId: CAL, eventId: 'weekly1on1' }))).status).toBe(
      503,
    );
    expect((await failure(client.events.instances({ calendarId: CAL, eventId: 'weekly1on1' }))).status).toBe(
      503,
    );
    expect((await client.events.instances({ calendarId: CAL, eventId: 'weekly1on1' })).status).toBe(200);
  });

  it('records every request with its operation, status and bearer', async () => {
    const { fake, client } = await start();
    fake.upsertEvent(CAL, weekly);
    await client.events.list({ calendarId: CAL, singleEvents: false });
    await client.events.get({ calendarId: CAL, eventId: 'weekly1on1' });
    await client.events.instances({ calendarId: CAL, eventId: 'weekly1on1' });
    await client.events.list({ calendarId: 'bob@example.com' });
    expect(fake.requests[0]).toEqual({
      method: 'GET',
      path: `/calendar/v3/calendars/${CAL}/events`,
      query: { singleEvents: 'false' },
      operation: 'list',
      status: 200,
      bearer: 'fake-token',
      calendarId: CAL,
    });
    expect(fake.requests.map((request) => request.operation)).toEqual(['list', 'get', 'instances', 'list']);
    expect([fake.count(), fake.count('list'), fake.count('list', CAL), fake.count('watch')]).toEqual([
      4, 2, 1, 0,
    ]);
    fake.resetCounts();
    expect(fake.count()).toBe(0);
  });

  it('answers 401 without a bearer token, and 404 for what it does not serve', async () => {
    const { fake, client } = await start();
    const anonymous = calendar({ version: 'v3', rootUrl: `${fake.url}/`, retry: false });
    const error = await failure(anonymous.events.list({ calendarId: CAL }));
    expect(error.status).toBe(401);
    expect(error.response?.data.error.errors[0]).toMatchObject({
      reason: 'required',
      location: 'Authorization',
    });
    expect(fake.requests[0]).toMatchObject({ status: 401, operation: 'list' });
    expect(fake.requests[0]?.bearer).toBeUndefined();

    const insert = await failure(client.events.insert({ calendarId: CAL, requestBody: single('x', 2) }));
    expect(insert.status).toBe(404);
    expect(fake.requests[1]).toMatchObject({ method: 'POST', operation: 'other', status: 404 });
  });
});
