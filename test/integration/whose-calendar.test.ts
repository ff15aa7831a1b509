import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type Occurrence, type Pair } from '../../shared/domain/index.js';
import { staticDirectory } from '../../shared/adapters/directory/static-directory.js';
import type { Directory } from '../../shared/ports.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { watchCalendar } from '../support/watch-calendar.js';
import { calendarHarness } from '../support/calendar-harness.js';

type Harness = Awaited<ReturnType<typeof calendarHarness>>;
const MARIA = 'maria@contoso.com';
const DEV = 'dev@contoso.com';
const SAM = 'sam@contoso.com';
const PAIR = pairIdOf(MARIA, DEV);
const TENTH = '2026-03-10T08:00:00Z';

const person = (email: string) => ({ email, responseStatus: 'accepted' });
/** A weekly 1:1, Tuesdays 09:00 Berlin, organised by `organizer`, on both calendars. */
const weekly = (organizer: string, other: string, id = 'weekly1') => ({
  id,
  iCalUID: `${id}@google.com`,
  summary: '1:1',
  start: { dateTime: '2026-03-03T09:00:00+01:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2026-03-03T09:30:00+01:00', timeZone: 'Europe/Berlin' },
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
  organizer: { email: organizer },
  attendees: [person(organizer), person(other)],
});

/** A directory whose answers the test changes midway (a new manager). */
function changingDirectory(managers: Record<string, string>) {
  let current = staticDirectory(managers);
  const directory: Directory = {
    person: (email) => current.person(email),
    managerOf: (email) => current.managerOf(email),
  };
  return { directory, set: (next: Record<string, string>) => void (current = staticDirectory(next)) };
}

let h: Harness;
afterEach(async () => h.stop());

async function both(directory: Directory = staticDirectory({ [DEV]: MARIA })) {
  h = await calendarHarness({ start: '2026-03-01T00:00:00Z', directoryOverride: directory });
  for (const calendar of [MARIA, DEV]) h.fake.upsertEvent(calendar, weekly(MARIA, DEV));
  await watchCalendar(h.deps, MARIA, 'user-maria');
  await watchCalendar(h.deps, DEV, 'user-dev');
  await h.drainSyncs();
  h.time.advance(1);
}

async function occurrence(pairId = PAIR, originalStart = TENTH): Promise<Occurrence | undefined> {
  const page = await h.store.pairs.list(pairId, { type: 'occurrence', limit: 1000 });
  return page.items.map((i) => i.doc).find((o) => o.originalStart === originalStart);
}
async function pair(pairId: string): Promise<Pair | undefined> {
  const found = await h.store.pairs.get(pairId, 'pair');
  return found?.doc.type === 'pair' ? found.doc : undefined;
}

describe("which copy wins when the organizer's and the attendee's disagree", () => {
  it("the organizer's copy decides the time: the attendee's move changes nothing, the organizer's does", async () => {
    await both();
    h.fake.moveOccurrence(DEV, 'weekly1', TENTH, '2026-03-11T13:00:00Z', '2026-03-11T13:30:00Z');
    await h.drainSyncs();
    expect((await occurrence())?.start).toBe(TENTH);
    h.fake.moveOccurrence(MARIA, 'weekly1', TENTH, '2026-03-12T13:00:00Z', '2026-03-12T13:30:00Z');
    await h.drainSyncs();
    expect((await occurrence())?.start).toBe('2026-03-12T13:00:00Z');
  });

  it("the organizer's copy decides cancellation and the end of the series", async () => {
    await both();
    h.fake.cancelOccurrence(DEV, 'weekly1', TENTH);
    h.fake.truncateSeries(DEV, 'weekly1', '2026-03-12T00:00:00Z');
    await h.drainSyncs();
    expect((await occurrence())?.status).toBe('confirmed');
    expect(await occurrence(PAIR, '2026-03-24T08:00:00Z')).toBeDefined();
    h.fake.cancelOccurrence(MARIA, 'weekly1', TENTH);
    await h.drainSyncs();
    expect((await occurrence())?.status).toBe('cancelled');
    h.fake.truncateSeries(MARIA, 'weekly1', '2026-03-12T00:00:00Z');
    await h.drainSyncs();
    expect(await occurrence(PAIR, '2026-03-24T08:00:00Z')).toBeUndefined();
  });

  it("each person's own copy decides their response", async () => {
    await both();
    // Maria's copy says Dev declined; Dev's own copy says he accepted: his word stands
    h.fake.declineOccurrence(MARIA, 'weekly1', TENTH, DEV);
    await h.drainSyncs();
    expect((await occurrence())?.declinedBy).toEqual([]);
    h.fake.declineOccurrence(DEV, 'weekly1', TENTH, DEV);
    await h.drainSyncs();
    expect((await occurrence())?.declinedBy).toEqual([DEV]);
    // and Maria's own copy for Maria's response
    h.fake.declineOccurrence(MARIA, 'weekly1', '2026-03-17T08:00:00Z', MARIA);
    await h.drainSyncs();
    expect((await occurrence(PAIR, '2026-03-17T08:00:00Z'))?.declinedBy).toEqual([MARIA]);
  });

  it("an attendee's copy decides alone while the organizer's calendar is not followed", async () => {
    h = await calendarHarness({ start: '2026-03-01T00:00:00Z', managers: { [DEV]: MARIA } });
    h.fake.upsertEvent(DEV, weekly(MARIA, DEV));
    await watchCalendar(h.deps, DEV, 'user-dev');
    h.fake.cancelOccurrence(DEV, 'weekly1', TENTH);
    await h.drainSyncs();
    expect((await occurrence())?.status).toBe('cancelled');
  });
});

describe('a directory change is picked up within a day', () => {
  it('a new manager: the old pair keeps its data and loses manager-only roles; the new pair starts empty', async () => {
    const org = changingDirectory({ [DEV]: MARIA });
    await both(org.directory);
    await h.store.pairs.upsert({
      type: 'topic',
      id: 'topic:old',
      pairId: PAIR,
      occurrenceId: (await occurrence())?.id ?? '',
      occurrenceStart: TENTH,
      authorEmail: DEV,
      text: 'Said to Maria only',
      done: false,
      createdAt: '2026-03-01T00:00:00Z',
      updatedAt: '2026-03-01T00:00:00Z',
    });
    // Sam becomes Dev's manager and sets up his own 1:1 with Dev
    org.set({ [DEV]: SAM });
    for (const calendar of [SAM, DEV]) h.fake.upsertEvent(calendar, weekly(SAM, DEV, 'samdev'));
    await watchCalendar(h.deps, SAM, 'user-sam');
    await h.drainSyncs();
    h.time.advance(25 * 60); // a day on: the safety sync asks the directory again
    await maintainCalendars(h.deps);
    await h.drainSyncs();
    // the directory names Dev's manager, and it is not Maria: it has answered, nobody is asked (issue 28)
    expect((await pair(PAIR))?.roles).toMatchObject({ source: 'directory', relation: 'peers' });
    expect((await pair(pairIdOf(SAM, DEV)))?.roles).toMatchObject({ source: 'directory' });
    const samTopics = await h.store.pairs.list(pairIdOf(SAM, DEV), { type: 'topic', limit: 100 });
    expect(samTopics.items).toEqual([]);
    const kept = await h.store.pairs.list(PAIR, { type: 'topic', limit: 100 });
    expect(kept.items.map((i) => i.doc.type === 'topic' && i.doc.text)).toEqual(['Said to Maria only']);
  });

  it('a role swap between the same two people starts a new pair; the old data stays with the old one', async () => {
    const org = changingDirectory({ [DEV]: MARIA });
    await both(org.directory);
    const before = await occurrence();
    org.set({ [MARIA]: DEV }); // Dev now manages Maria
    h.time.advance(25 * 60);
    await maintainCalendars(h.deps);
    await h.drainSyncs();
    const swapped = pairIdOf(DEV, MARIA);
    expect(await pair(swapped)).toMatchObject({ managerEmail: DEV, roles: { source: 'directory' } });
    // the series moved: its future occurrences are under the new pair, the old pair keeps its past
    expect(await occurrence(swapped, '2026-03-17T08:00:00Z')).toBeDefined();
    expect(await occurrence(PAIR, '2026-03-17T08:00:00Z')).toBeUndefined();
    expect(before?.pairId).toBe(PAIR);
  });
});
