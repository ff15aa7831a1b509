import { afterEach, describe, expect, it } from 'vitest';
import { derivedAadObjectId } from '../../sandbox/fake-teams/teams-ids.js';
import { CLAIM_REFUSALS, userIdOf } from '../../shared/domain/index.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { MARIA, botHarness } from '../support/bot-harness.js';

// After a merger (issue 27): DOMAIN_MAP fabrikam.com=contoso.com, the Google directory in use. Two
// people called John: John Smith, whose Teams address john@fabrikam.com stands for his Google account
// john.smith@contoso.com, and John Doe, whose own address is john@contoso.com and who has a weekly 1:1
// with Maria. The mapping's guess for John Smith is John Doe's address. Driven through the bot over
// HTTP by the fake Teams, the directory by the real Google adapter against the fake Google.

let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h.stop());

const SMITH_TEAMS = 'john@fabrikam.com';
const SMITH_GOOGLE = 'john.smith@contoso.com';
const DOE = 'john@contoso.com';
const SMITH_USER = userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', SMITH_TEAMS));
const DOE_USER = userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', DOE));

const merger = (smithAliases: string[]) =>
  botHarness({
    reports: [DOE],
    addressRules: { domainMap: { 'fabrikam.com': 'contoso.com' } },
    directory: [
      { primaryEmail: SMITH_GOOGLE, aliases: smithAliases, manager: MARIA },
      { primaryEmail: DOE, manager: MARIA },
    ],
    people: [
      { email: SMITH_TEAMS, name: 'John Smith', timeZone: 'Europe/Berlin' },
      { email: DOE, name: 'John Doe', timeZone: 'Europe/Berlin' },
    ],
  });

const texts = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .map((a) => a.text ?? visibleText((a.attachments?.[0] as { content: never }).content));
const agendasTo = (email: string) => texts(email).filter((t) => t.startsWith('Agenda\n1:1 with'));
/** The doctor's record: John Smith's mapped claim on John Doe's own address. */
const SMITH_ON_DOE = expect.objectContaining({
  address: DOE,
  claimantUserId: SMITH_USER,
  holderUserId: DOE_USER,
  reason: 'MAPPED_COLLISION',
}) as unknown;
const refusals = async () =>
  (await h.store.users.list(CLAIM_REFUSALS, { type: 'claimRefusal' })).items.map((i) => i.doc);

describe('a DOMAIN_MAP guess and the directory', () => {
  it("lets the directory's exact answer for the Teams address win over the mapping", async () => {
    h = await merger([SMITH_TEAMS]); // the directory lists john@fabrikam.com as John Smith's alias
    await h.install(MARIA, SMITH_TEAMS); // John Smith first
    expect((await userByEmail(h.store, SMITH_GOOGLE))?.userId).toBe(SMITH_USER);
    expect(await userByEmail(h.store, DOE)).toBeUndefined();

    await h.install(DOE); // the real owner of john@contoso.com is not refused
    expect((await userByEmail(h.store, DOE))?.userId).toBe(DOE_USER);
    expect(texts(DOE).join('\n')).not.toMatch(/already belongs|domain mapping/);

    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar
    expect(agendasTo(DOE)).toHaveLength(1);
    expect(agendasTo(SMITH_TEAMS)).toEqual([]);
    expect(await refusals()).toEqual([]);
  });

  it('refuses a mapped claim on an address its owner already holds, and the doctor can name it', async () => {
    h = await merger([]); // the directory does not know john@fabrikam.com: only the mapping leads anywhere
    await h.install(MARIA, DOE);
    await h.teams.install(SMITH_TEAMS);

    expect(texts(SMITH_TEAMS)).toEqual([
      expect.stringMatching(
        /^Your Teams address only led me to john@contoso\.com through your organisation's domain mapping, and that address is another person's own/,
      ),
    ]);
    expect((await userByEmail(h.store, DOE))?.userId).toBe(DOE_USER);
    expect(await h.store.users.get(SMITH_USER, SMITH_USER)).toBeUndefined();
    expect(await refusals()).toEqual([SMITH_ON_DOE]);
    await h.at('2026-03-02T08:01:00Z');
    expect(agendasTo(SMITH_TEAMS)).toEqual([]);
  });

  it('gives the address to its owner when a mapped claim came first, and nothing more to the other', async () => {
    h = await merger([]);
    await h.install(MARIA, SMITH_TEAMS); // John Smith first: the mapping's guess is taken for now
    expect((await userByEmail(h.store, DOE))?.userId).toBe(SMITH_USER);

    await h.install(DOE); // John Doe's own address: his, and John Smith's mapped claim goes
    expect((await userByEmail(h.store, DOE))?.userId).toBe(DOE_USER);
    expect(texts(DOE).join('\n')).not.toMatch(/already belongs|domain mapping/);
    expect(await refusals()).toEqual([SMITH_ON_DOE]);

    await h.teams.say(SMITH_TEAMS, 'add Read Doe agenda');
    expect(texts(SMITH_TEAMS).at(-1)).toMatch(/through your organisation's domain mapping/);

    await h.at('2026-03-02T08:01:00Z');
    expect(agendasTo(DOE)).toHaveLength(1);
    expect(agendasTo(DOE)[0]).not.toContain('Read Doe agenda');
    expect(agendasTo(SMITH_TEAMS)).toEqual([]);
  });
});

describe('a mapped claim the directory later confirms', () => {
  it('becomes exact: an account whose profile carries the address can no longer take it', async () => {
    const DEV_TEAMS = 'dev@contoso.onmicrosoft.com';
    const DEV_GOOGLE = 'dev@contoso.com';
    h = await botHarness({
      reports: [],
      addressRules: { domainMap: { 'contoso.onmicrosoft.com': 'contoso.com' } },
      directory: [{ primaryEmail: DEV_GOOGLE, manager: MARIA }],
      people: [
        { email: DEV_TEAMS, name: 'Dev Patel' },
        { email: 'other@contoso.com', name: 'Other', profileEmail: DEV_GOOGLE },
      ],
    });
    await h.install(DEV_TEAMS); // only the mapping leads to dev@contoso.com: a mapped claim
    const dev = (await userByEmail(h.store, DEV_GOOGLE))!.userId;

    // the directory now lists the Teams address as Dev's alias; past its cache, Dev installs the app again
    h.calendar.fake.setDirectoryUser({ primaryEmail: DEV_GOOGLE, aliases: [DEV_TEAMS], manager: MARIA });
    h.calendar.time.set('2026-03-02T12:00:00Z');
    await h.teams.uninstall(DEV_TEAMS);
    await h.teams.install(DEV_TEAMS);

    await h.teams.install('other@contoso.com');
    expect(texts('other@contoso.com')[0]).toMatch(/already belongs to another Teams account/);
    expect((await userByEmail(h.store, DEV_GOOGLE))?.userId).toBe(dev);
  });
});
