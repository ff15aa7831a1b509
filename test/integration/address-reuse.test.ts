import { afterEach, describe, expect, it } from 'vitest';
import { derivedAadObjectId } from '../../sandbox/fake-teams/teams-ids.js';
import { userIdOf } from '../../shared/domain/index.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

// A reused address (issue 27): Dev installs as dev@; the organisation renames him dev.patel@ and gives
// dev@ to a new hire, Dev Nguyen, whose weekly 1:1 is with Ana. Through the bot over HTTP: the fake
// Teams' member lookup gives each profile's address as it is now, and the fake Google directory (behind
// the real adapter and its 12-hour cache) gives dev@ with the new hire's id. Each case runs with the
// directory and without one (DIRECTORY=none), where only Teams can tell.

let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h.stop());

const NEW_HIRE = 'dev.nguyen@contoso.com'; // the fake Teams' key for the new account; its profile says dev@
const RENAMED = 'dev.patel@contoso.com';
const OLD_DEV_USER = userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', DEV));
const NEW_HIRE_USER = userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', NEW_HIRE));

const anaWeekly = {
  id: 'ana-dev',
  iCalUID: 'ana-dev@google.com',
  summary: 'Ana / Dev',
  start: { dateTime: '2026-03-05T14:00:00+01:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2026-03-05T14:30:00+01:00', timeZone: 'Europe/Berlin' },
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TH'],
  organizer: { email: ANA },
  attendees: [
    { email: ANA, responseStatus: 'accepted' },
    { email: DEV, responseStatus: 'accepted' },
  ],
};

const texts = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .map((a) => a.text ?? visibleText((a.attachments?.[0] as { content: never }).content));
const cards = (email: string, first: string) =>
  texts(email).filter((t) => t.startsWith(`${first}\n1:1 with`));

/**
 * Dev installed as dev@ on 1 Mar; then (after `before`, at `at` if given) renamed, and dev@'s calendar
 * (the new hire's) has the 1:1 with Ana.
 */
async function renamedDev(directory: boolean, before?: { at: string; rename: string }) {
  h = await botHarness({
    reports: [],
    managers: directory ? { [DEV]: ANA } : {},
    people: [{ email: NEW_HIRE, name: 'Dev Nguyen', profileEmail: DEV, timeZone: 'Europe/Berlin' }],
  });
  await h.install(ANA, DEV);
  if (before !== undefined) {
    h.calendar.time.set(before.at);
    await h.teams.say(DEV, 'help'); // Teams' word on dev@ renewed: Dev's, as of now
    h.calendar.time.set(before.rename);
  }
  // the rename, in Entra and in Google Workspace: dev@ is now another account's primary address
  h.teams.setProfileEmail(DEV, RENAMED);
  if (directory) {
    h.calendar.fake.removeDirectoryUser(DEV);
    h.calendar.fake.setDirectoryUser({ id: 'old-dev', primaryEmail: RENAMED, manager: ANA });
    h.calendar.fake.setDirectoryUser({ id: 'new-hire', primaryEmail: DEV, manager: ANA });
  }
  h.calendar.fake.upsertEvent(ANA, anaWeekly);
  h.calendar.fake.upsertEvent(DEV, anaWeekly);
  await h.calendar.drainSyncs();
}

/** Teams member lookups in a person's chat: how often Steady asked Teams about their address. */
const lookups = (email: string) => {
  const chat = h.teams.conversations().find((c) => c.email === email)?.id ?? '?';
  return h.teams.requests.filter((r) => r.method === 'GET' && r.path.includes(`${chat}/members/`)).length;
};

describe.each([
  ['with the directory', true],
  ['without a directory (DIRECTORY=none)', false],
])('an address handed on within a day of its last check, %s', (_, directory) => {
  it('is seen before the next message, not a day later', async () => {
    // Dev writes at 14:00 on 3 Mar; an hour later dev@ is handed on
    await renamedDev(directory, { at: '2026-03-03T14:00:00Z', rename: '2026-03-03T15:00:00Z' });

    await h.at('2026-03-04T13:01:00Z'); // 23 hours after Teams' word (past the directory's 12-hour cache)
    expect(cards(ANA, 'Agenda')).toHaveLength(1);
    expect(cards(DEV, 'Agenda')).toEqual([]);
    expect(await userByEmail(h.store, DEV)).toBeUndefined();
  });
});

describe('an alias left pointing at a person whose address changed (data from before issue 27)', () => {
  it('sends nothing under it, drops it, and no delivery fails', async () => {
    h = await botHarness({ reports: [DEV] });
    await h.install(MARIA, DEV);
    // what the old code left: Dev's profile moved to dev.patel@, the dev@ alias still naming him
    const dev = (await userByEmail(h.store, DEV))!;
    await h.store.users.upsert({ ...dev, email: RENAMED, calendarId: RENAMED });
    await h.at('2026-03-03T08:46:00Z'); // agendas and summaries of Tue 3 Mar: each delivery returns
    expect(cards(MARIA, 'Summary')).toHaveLength(1);
    expect([...cards(DEV, 'Agenda'), ...cards(DEV, 'Summary')]).toEqual([]);
    expect(await userByEmail(h.store, DEV)).toBeUndefined();
  });
});

describe.each([
  ['with the directory', true],
  ['without a directory (DIRECTORY=none)', false],
])('an address handed to someone else, %s', (_, directory) => {
  it('reaches its old holder no more, and its new owner can claim it', async () => {
    await renamedDev(directory);

    const before = lookups(ANA);
    await h.at('2026-03-04T13:01:00Z'); // the agendas of Thu 5 Mar, 14:00 Berlin
    expect(cards(ANA, 'Agenda')).toHaveLength(1);
    expect(cards(DEV, 'Agenda')).toEqual([]); // old Dev's chat: nothing about the new hire
    // Ana's address checked before her agenda: by the directory's id when it knows her, else by Teams
    expect(lookups(ANA) - before).toBe(directory ? 0 : 1);
    await h.at('2026-03-04T13:02:00Z'); // nothing more is due: no more lookups
    expect(lookups(ANA) - before).toBe(directory ? 0 : 1);
    await h.at('2026-03-05T13:46:00Z'); // the summaries: nothing to old Dev, and nothing thrown
    expect(cards(ANA, 'Summary')).toHaveLength(1);
    expect(cards(DEV, 'Summary')).toEqual([]);

    await h.teams.install(NEW_HIRE);
    expect(texts(NEW_HIRE).join('\n')).not.toMatch(/already belongs/);
    expect((await userByEmail(h.store, DEV))?.userId).toBe(NEW_HIRE_USER);
    await h.at('2026-03-11T13:01:00Z');
    expect(cards(NEW_HIRE, 'Agenda')).toHaveLength(1);
    expect(cards(DEV, 'Agenda')).toEqual([]);
  });

  it('lets the new owner claim it at once, while the old holder still uses Steady', async () => {
    await renamedDev(directory);
    await h.teams.install(NEW_HIRE); // before anything was sent: the old claim is checked with Teams now
    expect(texts(NEW_HIRE).join('\n')).not.toMatch(/already belongs/);
    expect((await userByEmail(h.store, DEV))?.userId).toBe(NEW_HIRE_USER);
  });

  it('moves its old holder to the address their profile carries now, and keeps the two apart', async () => {
    await renamedDev(directory);
    h.calendar.time.set('2026-03-02T09:00:00Z'); // over a day since Teams last said dev@ was his
    await h.teams.say(DEV, 'add Read the new hire agenda');
    expect((await userByEmail(h.store, RENAMED))?.userId).toBe(OLD_DEV_USER);
    expect(await userByEmail(h.store, DEV)).toBeUndefined();
    expect(texts(DEV).at(-1)).toMatch(/not found a recurring 1:1/);

    await h.at('2026-03-04T13:01:00Z');
    expect(cards(DEV, 'Agenda')).toEqual([]);
    expect(cards(ANA, 'Agenda')[0]).not.toContain('Read the new hire agenda');
    await h.at('2026-03-05T13:46:00Z');
    expect(cards(DEV, 'Summary')).toEqual([]);
  });
});
