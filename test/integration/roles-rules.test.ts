import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type Pair } from '../../shared/domain/index.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness, weeklyWith } from '../support/bot-harness.js';

/**
 * Who manages whom, as issue 28 set it: where the directory names a person's manager, no chat answer
 * makes anyone else their manager; with no directory answer, roles are trusted only when both agree.
 * Through the real bot over HTTP, the fake Teams and the fake Google directory.
 */
let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h?.stop());

const agenda = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send' || a.op === 'update')
    .map((a) => visibleText((a.attachments?.[0] as { content?: never } | undefined)?.content))
    .filter((shown) => shown.startsWith('Agenda'))
    .at(-1) ?? '';
/** A weekly 1:1 `organizer` set up with `other`, on both calendars. */
function weeklyBy(organizer: string, other: string): void {
  const id = `${organizer.split('@')[0] ?? ''}-${other.split('@')[0] ?? ''}`;
  const event = {
    ...weeklyWith(other, id),
    summary: id,
    organizer: { email: organizer },
    attendees: [organizer, other].map((email) => ({ email, responseStatus: 'accepted' })),
  };
  for (const calendar of [organizer, other]) h.calendar.fake.upsertEvent(calendar, event);
}

/** The titles of the roles question's buttons on the person's latest agenda card. */
const roleButtons = (email: string): string[] => {
  const card = h.teams
    .activities(email)
    .filter((a) => (a.op === 'send' || a.op === 'update') && JSON.stringify(a).includes('"Agenda"'))
    .at(-1);
  return [...JSON.stringify(card ?? {}).matchAll(/"title":"([^"]+)","verb":"confirmRoles"/g)].map(
    (m) => m[1] ?? '',
  );
};
const pairOf = async (pairId: string): Promise<Pair> => {
  const found = await h.store.pairs.get(pairId, 'pair');
  if (found?.doc.type !== 'pair') throw new Error(`no pair ${pairId}`);
  return found.doc;
};
const press = async (email: string, pairId: string, step: string, answer: string) =>
  JSON.stringify(
    (await h.teams.invoke(email, { verb: 'confirmRoles', data: { pairId, step, answer } })).body,
  );

describe('roles the directory decides', () => {
  it('the directory moves Dev from Maria to Ana: Maria is not asked, and no press makes her his manager again', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    const pairId = pairIdOf(MARIA, DEV);
    await h.at('2026-03-02T08:00:00Z');
    expect(agenda(MARIA)).toContain('Coaching tip');

    h.calendar.fake.setDirectoryUser({ primaryEmail: DEV, manager: ANA });
    h.calendar.time.advance(25 * 60); // a day on: the daily re-check asks the directory again
    await maintainCalendars(h.calendar.deps);
    await h.calendar.drainSyncs();
    expect((await pairOf(pairId)).roles).toMatchObject({ source: 'directory', relation: 'peers' });

    await h.at('2026-03-09T08:00:00Z'); // the agendas of 10 March
    expect(agenda(MARIA)).toContain('1:1 with Dev Patel');
    expect(agenda(MARIA)).not.toContain('your report?');
    expect(agenda(MARIA)).not.toContain('Coaching tip');
    const before = await h.store.pairs.get(pairId, 'pair');
    expect(await press(MARIA, pairId, 'ask', 'reportsToMe')).toContain('directory says who manages whom');
    expect(await press(DEV, pairId, 'check', 'managesMe')).toContain('directory says who manages whom');
    expect(await h.store.pairs.get(pairId, 'pair')).toEqual(before);
  });

  it('the directory moves Dev back to Maria: the next sync that asks it makes the pair hers again', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    const pairId = pairIdOf(MARIA, DEV);
    h.calendar.fake.setDirectoryUser({ primaryEmail: DEV, manager: ANA });
    h.calendar.time.advance(25 * 60);
    await maintainCalendars(h.calendar.deps);
    await h.calendar.drainSyncs();
    expect((await pairOf(pairId)).roles).toMatchObject({ source: 'directory', relation: 'peers' });

    h.calendar.fake.setDirectoryUser({ primaryEmail: DEV, manager: MARIA });
    h.calendar.time.advance(13 * 60); // past the directory cache, within the day of the roles' check
    h.calendar.fake.upsertEvent(MARIA, { ...weeklyWith(DEV), summary: 'Maria / Dev, weekly' });
    await h.calendar.drainSyncs();
    expect((await pairOf(pairId)).roles).toMatchObject({ source: 'directory', relation: 'manages' });
  });

  it('a colleague who organises a recurring 1:1 with Dev cannot make herself his manager', async () => {
    h = await botHarness({ managers: { [DEV]: MARIA } });
    weeklyBy(ANA, DEV);
    await h.install(MARIA, DEV, ANA);
    const pairId = pairIdOf(ANA, DEV);
    expect((await pairOf(pairId)).roles).toMatchObject({ source: 'directory', relation: 'peers' });
    await h.at('2026-03-02T08:00:00Z');
    expect(agenda(ANA)).toContain('1:1 with Dev Patel');
    expect(agenda(ANA)).not.toContain('your report?');
    expect(await press(ANA, pairId, 'ask', 'reportsToMe')).toContain('directory says who manages whom');
    expect((await pairOf(pairId)).roles).toMatchObject({ source: 'directory', relation: 'peers' });
  });

  it('where the directory names only the organizer’s manager, chat may make her the manager, never him hers', async () => {
    h = await botHarness({ managers: { [MARIA]: 'carol@contoso.com' } });
    await h.install(MARIA, DEV);
    const pairId = pairIdOf(MARIA, DEV);
    await h.at('2026-03-02T08:00:00Z');
    expect(agenda(MARIA)).toContain('Is Dev Patel your report?');
    // the answer the directory rules out is not offered, and a forged press of it is refused
    expect(roleButtons(MARIA)).toEqual(['Yes', 'Neither, we are peers']);
    expect(await press(MARIA, pairId, 'ask', 'managesMe')).toContain('directory says who manages whom');
    expect((await pairOf(pairId)).roles?.source).toBe('unconfirmed');
    await press(MARIA, pairId, 'ask', 'reportsToMe');
    await press(DEV, pairId, 'check', 'right');
    expect((await pairOf(pairId)).roles).toMatchObject({ confirmedBy: MARIA, agreedBy: DEV });
    expect(agenda(MARIA)).toContain('Coaching tip');
  });
});

describe('roles with no directory answer', () => {
  it('an agreed chat answer stops counting once the directory names the report’s manager', async () => {
    h = await botHarness({ managers: {}, reports: [] });
    weeklyBy(DEV, MARIA);
    await h.install(MARIA, DEV);
    const pairId = pairIdOf(DEV, MARIA);
    await press(DEV, pairId, 'ask', 'managesMe'); // Maria manages Dev, says Dev, who organised it
    await press(MARIA, pairId, 'check', 'right');
    expect(await pairOf(pairId)).toMatchObject({ managerEmail: MARIA, roles: { agreedBy: MARIA } });

    h.calendar.fake.setDirectoryUser({ primaryEmail: DEV, manager: ANA });
    h.calendar.time.advance(25 * 60);
    await maintainCalendars(h.calendar.deps);
    await h.calendar.drainSyncs();
    expect((await pairOf(pairId)).roles).toMatchObject({ source: 'unconfirmed', managerListedFor: [DEV] });
    await h.at('2026-03-09T08:00:00Z');
    expect(agenda(MARIA)).not.toContain('Coaching tip');
    expect(roleButtons(DEV)).toEqual(['Yes', 'Neither, we are peers']);
  });

  it('a report who organises the 1:1 cannot make himself the manager alone', async () => {
    h = await botHarness({ managers: {}, reports: [] });
    weeklyBy(DEV, MARIA);
    await h.install(MARIA, DEV);
    const pairId = pairIdOf(DEV, MARIA);
    await h.at('2026-03-02T08:00:00Z');
    expect(agenda(DEV)).toContain('Is Maria Lopez your report?');
    await press(DEV, pairId, 'ask', 'reportsToMe');
    expect(await pairOf(pairId)).toMatchObject({ managerEmail: DEV, roles: { confirmedBy: DEV } });
    expect(agenda(DEV)).toContain('You said you manage them; Maria Lopez is asked to agree.');
    expect(agenda(DEV)).not.toContain('Coaching tip');
    await h.at('2026-03-03T07:00:00Z');
    expect(JSON.stringify(h.teams.activities(MARIA))).not.toContain('a few minutes on the bigger picture');
    // Maria says otherwise: her answer now waits for Dev, and still nobody is trusted
    expect(agenda(MARIA)).toContain('Dev Patel said they manage you. Is that right?');
    await press(MARIA, pairId, 'check', 'reportsToMe');
    expect(await pairOf(pairId)).toMatchObject({ managerEmail: MARIA, roles: { confirmedBy: MARIA } });
    expect(agenda(MARIA)).not.toContain('Coaching tip');
    await press(DEV, pairId, 'check', 'right');
    expect(agenda(MARIA)).toContain('Coaching tip');
  });
});
