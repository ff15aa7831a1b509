import { afterEach, describe, expect, it } from 'vitest';
import { docId, pairIdOf, type Job, type Occurrence, type Series } from '../../shared/domain/index.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { watchCalendar } from '../support/watch-calendar.js';
import { calendarHarness } from '../support/calendar-harness.js';

type Harness = Awaited<ReturnType<typeof calendarHarness>>;
const MARIA = 'maria@contoso.com';
const DEV = 'dev@contoso.com';
const PAIR = pairIdOf(MARIA, DEV);

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  responseStatus: 'accepted',
  ...extra,
});

/** A weekly 1:1, Tuesdays 09:00 Berlin, organised by Maria (Berlin's DST starts on 2026-03-29). */
const weekly = (overrides: Record<string, unknown> = {}) => ({
  id: 'weekly1',
  iCalUID: 'weekly1@google.com',
  summary: 'Maria / Dev',
  start: { dateTime: '2026-03-03T09:00:00+01:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2026-03-03T09:30:00+01:00', timeZone: 'Europe/Berlin' },
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
  organizer: { email: MARIA },
  attendees: [person(MARIA, { organizer: true }), person(DEV)],
  ...overrides,
});

async function occurrences(h: Harness, pairId = PAIR): Promise<Occurrence[]> {
  const page = await h.store.pairs.list(pairId, { type: 'occurrence', limit: 1000 });
  return page.items.map((i) => i.doc).sort((a, b) => a.originalStart.localeCompare(b.originalStart));
}

async function jobsOf(h: Harness, occurrence: Occurrence): Promise<Job[]> {
  const found: Job[] = [];
  for (const ref of occurrence.jobs) {
    const job = await h.store.jobs.get(ref.bucket, ref.id);
    if (job?.doc.type === 'job') found.push(job.doc);
  }
  return found;
}

async function series(h: Harness, pairId = PAIR): Promise<Series[]> {
  return (await h.store.pairs.list(pairId, { type: 'series', limit: 100 })).items.map((i) => i.doc);
}

let h: Harness;
afterEach(async () => h.stop());

async function start(
  events: Record<string, unknown>[],
  options: Partial<Parameters<typeof calendarHarness>[0]> = {},
) {
  h = await calendarHarness({ start: '2026-03-01T00:00:00Z', ...options });
  for (const event of events) h.fake.upsertEvent(MARIA, event);
  await watchCalendar(h.deps, MARIA, 'user-maria');
  await h.drainSyncs();
  h.time.advance(1);
  return h;
}

describe('detecting recurring 1:1s', () => {
  it('finds a weekly 1:1 and its occurrences to the horizon, through the DST change, each with its jobs', async () => {
    await start([weekly()]);
    const found = await occurrences(h);
    expect(found.map((o) => o.start)).toEqual([
      '2026-03-03T08:00:00Z',
      '2026-03-10T08:00:00Z',
      '2026-03-17T08:00:00Z',
      '2026-03-24T08:00:00Z',
      '2026-03-31T07:00:00Z', // 09:00 Berlin in summer time
      '2026-04-07T07:00:00Z',
      '2026-04-14T07:00:00Z',
      '2026-04-21T07:00:00Z',
    ]);
    const first = found[0]!;
    expect(first.id).toBe(docId('occurrence', docId('series', 'weekly1@google.com'), '2026-03-03T08:00:00Z'));
    expect((await jobsOf(h, first)).map((j) => [j.kind, j.dueAt, j.bucket])).toEqual([
      ['agenda', '2026-03-02T08:00:00Z', '2026-03-02T08'],
      ['summary', '2026-03-03T08:45:00Z', '2026-03-03T08'],
      ['cadenceCheck', '2026-03-03T08:00:00Z', '2026-03-03T08'],
    ]);
    const pair = await h.store.pairs.get(PAIR, 'pair');
    expect(pair?.doc).toMatchObject({ managerEmail: MARIA, reportEmail: DEV, tracking: 'active' });
  });

  it('keeps local time across New York DST (second Sunday of March)', async () => {
    await start([
      weekly({
        start: { dateTime: '2026-03-02T10:00:00-05:00', timeZone: 'America/New_York' },
        end: { dateTime: '2026-03-02T10:30:00-05:00', timeZone: 'America/New_York' },
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO'],
      }),
    ]);
    expect((await occurrences(h)).slice(0, 2).map((o) => o.start)).toEqual([
      '2026-03-02T15:00:00Z',
      '2026-03-09T14:00:00Z',
    ]);
  });

  it('takes the directory over the organizer to tell the manager', async () => {
    h = await calendarHarness({ start: '2026-03-01T00:00:00Z', managers: { [MARIA]: DEV } });
    h.fake.upsertEvent(MARIA, weekly());
    await watchCalendar(h.deps, MARIA, 'user-maria');
    expect(await occurrences(h, pairIdOf(DEV, MARIA))).toHaveLength(8);
    expect(await occurrences(h, PAIR)).toHaveLength(0);
  });

  it('counts a room as no one, and ignores groups, single, all-day, long, hidden-guest and out-of-office events', async () => {
    const room = person('room-4@resource.calendar.google.com', { resource: true });
    await start([
      weekly({
        id: 'with-room',
        iCalUID: 'with-room@google.com',
        attendees: [person(MARIA), person(DEV), room],
      }),
      weekly({
        id: 'group',
        iCalUID: 'group@google.com',
        attendees: [person(MARIA), person(DEV), person('ana@contoso.com')],
      }),
      weekly({ id: 'single', iCalUID: 'single@google.com', recurrence: undefined }),
      weekly({
        id: 'allday',
        iCalUID: 'allday@google.com',
        start: { date: '2026-03-03' },
        end: { date: '2026-03-04' },
      }),
      weekly({
        id: 'long',
        iCalUID: 'long@google.com',
        end: { dateTime: '2026-03-03T10:31:00+01:00', timeZone: 'Europe/Berlin' },
      }),
      weekly({ id: 'hidden', iCalUID: 'hidden@google.com', attendeesOmitted: true }),
      weekly({ id: 'ooo', iCalUID: 'ooo@google.com', eventType: 'outOfOffice' }),
    ]);
    expect((await series(h)).map((s) => s.iCalUID)).toEqual(['with-room@google.com']);
  });

  it('stores one series when both calendars list it, with both event ids', async () => {
    h = await calendarHarness({ start: '2026-03-01T00:00:00Z' });
    h.fake.upsertEvent(MARIA, weekly());
    h.fake.upsertEvent(DEV, weekly());
    await watchCalendar(h.deps, MARIA, 'user-maria');
    await watchCalendar(h.deps, DEV, 'user-dev');
    const [only, ...more] = await series(h);
    expect(more).toEqual([]);
    expect(only?.eventIds).toEqual({ [MARIA]: 'weekly1', [DEV]: 'weekly1' });
    expect(await occurrences(h)).toHaveLength(8);
  });
});

describe('following what happens to each occurrence', () => {
  it('marks a cancelled occurrence, keeps its cadence check and drops its agenda and summary', async () => {
    await start([weekly()]);
    h.fake.cancelOccurrence(MARIA, 'weekly1', '2026-03-10T08:00:00Z');
    await h.drainSyncs();
    const cancelled = (await occurrences(h))[1]!;
    expect(cancelled).toMatchObject({ originalStart: '2026-03-10T08:00:00Z', status: 'cancelled' });
    expect((await jobsOf(h, cancelled)).map((j) => j.kind)).toEqual(['cadenceCheck']);
    expect(await h.store.jobs.get('2026-03-09T08', docId('agenda', cancelled.id))).toBeUndefined();
  });

  it('moves an occurrence: same key, new times, agenda and summary moved, cadence check at the original start', async () => {
    await start([weekly()]);
    h.fake.moveOccurrence(
      MARIA,
      'weekly1',
      '2026-03-10T08:00:00Z',
      '2026-03-11T13:00:00Z',
      '2026-03-11T13:30:00Z',
    );
    await h.drainSyncs();
    const moved = (await occurrences(h))[1]!;
    expect(moved).toMatchObject({
      originalStart: '2026-03-10T08:00:00Z',
      start: '2026-03-11T13:00:00Z',
      status: 'confirmed',
    });
    expect((await jobsOf(h, moved)).map((j) => [j.kind, j.dueAt])).toEqual([
      ['agenda', '2026-03-10T13:00:00Z'],
      ['summary', '2026-03-11T13:45:00Z'],
      ['cadenceCheck', '2026-03-10T08:00:00Z'],
    ]);
    expect(await h.store.jobs.get('2026-03-09T08', docId('agenda', moved.id))).toBeUndefined();
  });

  it('records a decline by either person as a miss', async () => {
    await start([weekly()]);
    h.fake.declineOccurrence(MARIA, 'weekly1', '2026-03-17T08:00:00Z', DEV);
    await h.drainSyncs();
    const declined = (await occurrences(h))[2]!;
    expect(declined).toMatchObject({ status: 'confirmed', declinedBy: [DEV] });
    // no summary; the agenda job stays for a declined series (the deliver function decides, issue 29)
    expect((await jobsOf(h, declined)).map((j) => j.kind)).toEqual(['agenda', 'cadenceCheck']);
  });

  it('ends a series: occurrences after UNTIL go with their jobs, and the series says ended', async () => {
    await start([weekly()]);
    h.fake.truncateSeries(MARIA, 'weekly1', '2026-03-18T00:00:00Z');
    await h.drainSyncs();
    const left = await occurrences(h);
    expect(left.map((o) => o.originalStart)).toEqual([
      '2026-03-03T08:00:00Z',
      '2026-03-10T08:00:00Z',
      '2026-03-17T08:00:00Z',
    ]);
    expect(await h.store.jobs.list('2026-03-23T08')).toMatchObject({ items: [] });
    expect((await series(h))[0]).toMatchObject({ status: 'ended', endsAt: '2026-03-18T00:00:00Z' });
  });

  it('deletes a series: its future occurrences and jobs go, it is no longer tracked', async () => {
    await start([weekly()]);
    h.time.set('2026-03-05T00:00:00Z');
    h.fake.deleteSeries(MARIA, 'weekly1');
    await h.drainSyncs();
    expect((await occurrences(h)).map((o) => o.originalStart)).toEqual(['2026-03-03T08:00:00Z']);
    expect((await series(h))[0]?.status).toBe('deleted');
    const state = await h.store.calendars.get(MARIA, MARIA);
    expect(state?.doc.tracked).toEqual({});
  });

  it('continues a split series ("this and following") in a new series of the same pair', async () => {
    await start([weekly()]);
    const next = h.fake.splitSeries(MARIA, 'weekly1', '2026-03-17T08:00:00Z', {
      start: { dateTime: '2026-03-19T15:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-19T15:30:00+01:00', timeZone: 'Europe/Berlin' },
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TH'],
    });
    await h.drainSyncs();
    const all = await series(h);
    const old = all.find((s) => s.iCalUID === 'weekly1@google.com');
    const continued = all.find((s) => s.iCalUID === next.iCalUID);
    expect(old?.status).toBe('ended');
    expect(continued).toMatchObject({ status: 'active', continuesSeriesId: old?.id });
    const starts = (await occurrences(h)).map((o) => o.start);
    expect(starts.slice(0, 3)).toEqual([
      '2026-03-03T08:00:00Z',
      '2026-03-10T08:00:00Z',
      '2026-03-19T14:00:00Z',
    ]);
  });

  it('drops a 1:1 that becomes a group meeting', async () => {
    await start([weekly()]);
    h.fake.upsertEvent(MARIA, weekly({ attendees: [person(MARIA), person(DEV), person('ana@contoso.com')] }));
    await h.drainSyncs();
    expect((await series(h))[0]?.status).toBe('untracked');
    expect(await occurrences(h)).toEqual([]);
  });
});

describe('faults', () => {
  it('starts over with a full sync when the token expires in the middle of paging', async () => {
    const singles = Array.from({ length: 7 }, (_, n) =>
      weekly({ id: `lunch${n}`, iCalUID: `lunch${n}@google.com`, recurrence: undefined }),
    );
    await start([weekly(), ...singles], { fake: { pageSize: 2 } });
    const tokenBefore = (await h.store.calendars.get(MARIA, MARIA))?.doc.syncToken;
    for (const single of singles) h.fake.upsertEvent(MARIA, { ...single, summary: 'moved lunch' });
    h.fake.cancelOccurrence(MARIA, 'weekly1', '2026-03-10T08:00:00Z');
    await h.fake.flushNotifications();
    h.time.advance(1);
    // the first page of the incremental sync succeeds, then every older token is invalid
    let pagesSeen = 0;
    const calendar = h.deps.calendar;
    const listChanges = calendar.listChanges.bind(calendar);
    calendar.listChanges = async (id, cursor) => {
      if (cursor.pageToken !== undefined && pagesSeen++ === 0) h.fake.requireFullSync(MARIA);
      return listChanges(id, cursor);
    };
    await h.drainSyncs();
    expect(h.fake.requests.some((r) => r.status === 410)).toBe(true);
    const state = (await h.store.calendars.get(MARIA, MARIA))?.doc;
    expect(state?.syncToken).toBeDefined();
    expect(state?.syncToken).not.toBe(tokenBefore);
    expect((await occurrences(h))[1]?.status).toBe('cancelled');
  });

  it.each([403, 429, 500, 503] as const)(
    'retries a %i with backoff and completes the sync',
    async (status) => {
      await start([weekly()]);
      h.fake.cancelOccurrence(MARIA, 'weekly1', '2026-03-10T08:00:00Z');
      h.fake.failNext(2, status, { path: /\/events$/ });
      h.fake.failNext(1, status, { path: /\/instances$/ });
      await h.drainSyncs();
      expect(h.fake.requests.filter((r) => r.status === status)).toHaveLength(3);
      expect((await occurrences(h))[1]?.status).toBe('cancelled');
    },
  );

  it('retries a failed watch (a POST) as well', async () => {
    h = await calendarHarness({ start: '2026-03-01T00:00:00Z' });
    h.fake.upsertEvent(MARIA, weekly());
    h.fake.failNext(2, 503, { method: 'POST' });
    await watchCalendar(h.deps, MARIA, 'user-maria');
    expect(h.fake.channels().filter((c) => !c.stopped)).toHaveLength(1);
  });

  it('recovers a dropped notification with the safety sync', async () => {
    await start([weekly()]);
    h.fake.dropNotifications(1);
    h.fake.cancelOccurrence(MARIA, 'weekly1', '2026-03-10T08:00:00Z');
    await h.drainSyncs();
    expect((await occurrences(h))[1]?.status).toBe('confirmed'); // nobody told us yet
    h.time.advance(6 * 60);
    expect(await maintainCalendars(h.deps)).toEqual({ renewals: 0, safetySyncs: 1 });
    await h.drainSyncs();
    expect((await occurrences(h))[1]?.status).toBe('cancelled');
  });
});

describe('push notifications', () => {
  it('coalesces a burst of 100 notifications into at most 2 syncs', async () => {
    await start([weekly()]);
    h.fake.resetCounts();
    for (let n = 0; n < 100; n++) {
      h.fake.upsertEvent(MARIA, weekly({ description: `edit ${n}` }));
    }
    await h.fake.flushNotifications();
    expect(h.queued.messages).toHaveLength(100);
    h.time.advance(1);
    await h.drainSyncs();
    expect(h.fake.count('list')).toBeLessThanOrEqual(2);
    console.log(
      `burst: 100 notifications → ${h.fake.count('list')} sync(s), ${h.fake.count()} Google requests`,
    );
  });

  it('ignores the sync handshake, unknown channels and a wrong token, and enqueues nothing', async () => {
    await start([weekly()]);
    const channel = (await h.store.calendars.get(MARIA, MARIA))?.doc.channel;
    const post = (headers: Record<string, string>) =>
      fetch(h.deps.settings.webhookUrl, { method: 'POST', headers });
    const base = {
      'X-Goog-Channel-ID': channel?.id ?? '',
      'X-Goog-Channel-Token': channel?.token ?? '',
      'X-Goog-Resource-ID': channel?.resourceId ?? '',
      'X-Goog-Resource-URI': `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(MARIA)}/events?alt=json`,
      'X-Goog-Resource-State': 'exists',
      'X-Goog-Message-Number': '7',
    };
    const statuses = [
      (await post({ ...base, 'X-Goog-Resource-State': 'sync' })).status,
      (await post({ ...base, 'X-Goog-Channel-ID': 'steady-unknown' })).status,
      (await post({ ...base, 'X-Goog-Channel-Token': 'x'.repeat(43) })).status,
      (await post({ ...base, 'X-Goog-Channel-Token': '' })).status,
      (await post({ 'X-Goog-Resource-State': 'exists' })).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(h.queued.messages).toEqual([]);
    expect((await post(base)).status).toBe(202);
    expect(h.queued.messages).toHaveLength(1);
  });

  it('renews a channel a day before it expires: new channel first, then the old one stopped', async () => {
    await start([weekly()]);
    const first = (await h.store.calendars.get(MARIA, MARIA))?.doc.channel;
    h.time.set(new Date(new Date(first?.expiration ?? '').getTime() - 23 * 3600_000).toISOString());
    expect((await maintainCalendars(h.deps)).renewals).toBe(1);
    await h.drainSyncs();
    const renewed = (await h.store.calendars.get(MARIA, MARIA))?.doc;
    expect(renewed?.channel?.id).not.toBe(first?.id);
    expect(renewed?.previousChannel).toBeUndefined();
    expect(h.fake.channels().map((c) => [c.id, c.stopped])).toEqual([
      [first?.id, true],
      [renewed?.channel?.id, false],
    ]);
    h.fake.cancelOccurrence(MARIA, 'weekly1', '2026-04-07T07:00:00Z');
    await h.drainSyncs();
    expect((await occurrences(h)).find((o) => o.originalStart === '2026-04-07T07:00:00Z')?.status).toBe(
      'cancelled',
    );
  });
});
