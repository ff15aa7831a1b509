import { afterEach, describe, expect, it } from 'vitest';
import { derivedAadObjectId } from '../../sandbox/fake-teams/teams-ids.js';
import { CLAIM_REFUSALS, pairIdOf, userIdOf } from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

// An address belongs to one Teams identity (issue 16): a second one claiming it, above all from
// another tenant, is refused in chat and changes nothing. Driven through the bot over HTTP by the
// fake Teams, whose member lookup gives the profile's address.

let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h.stop());

const MALLORY = 'mallory@fabrikam.com';
const DEV_USER = userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', DEV));
const MALLORY_USER = userIdOf('tenant-fabrikam', derivedAadObjectId('tenant-fabrikam', MALLORY));

const texts = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .map((a) => a.text ?? visibleText((a.attachments?.[0] as { content: never }).content));
const agendasTo = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send' && JSON.stringify(a.attachments ?? '').includes('Your 1:1 agenda'))
    .map((a) => JSON.stringify(a.attachments));
const refusals = async () =>
  (await h.store.users.list(CLAIM_REFUSALS, { type: 'claimRefusal' })).items.map((i) => i.doc);

describe('an address claimed by a second Teams identity', () => {
  it('is refused from another tenant: the victim keeps her agendas and the other account gets nothing', async () => {
    h = await botHarness({
      allowedTenants: ['tenant-contoso', 'tenant-fabrikam'],
      // an account in another tenant whose Teams profile carries Dev's address
      people: [{ email: MALLORY, name: 'Mallory', tenantId: 'tenant-fabrikam', profileEmail: DEV }],
    });
    await h.install(MARIA, DEV);
    await h.teams.install(MALLORY);
    await h.teams.say(MALLORY, 'add Steal the agenda');

    expect(texts(MALLORY)).toEqual([
      expect.stringMatching(
        /^dev@contoso\.com already belongs to another Teams account in Steady, so I have not linked it to you\. Nothing was changed\./,
      ),
      expect.stringMatching(/already belongs to another Teams account/),
    ]);
    expect((await userByEmail(h.store, DEV))?.userId).toBe(DEV_USER);
    expect(await h.store.users.get(MALLORY_USER, MALLORY_USER)).toBeUndefined();
    expect(await refusals()).toEqual([
      expect.objectContaining({
        address: DEV,
        claimantUserId: MALLORY_USER,
        holderUserId: DEV_USER,
        reason: 'ADDRESS_TAKEN',
      }),
    ]);

    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar
    expect(agendasTo(DEV)).toHaveLength(1);
    expect(agendasTo(MALLORY)).toEqual([]);
    expect(agendasTo(DEV)[0]).not.toContain('Steal the agenda');
  });

  it("is refused when the tenant may not claim the address's domain, even before its owner installs", async () => {
    h = await botHarness({
      allowedTenants: ['tenant-contoso', 'tenant-fabrikam'],
      people: [{ email: MALLORY, name: 'Mallory', tenantId: 'tenant-fabrikam', profileEmail: DEV }],
      addressRules: {
        domainMap: {},
        tenantDomains: { 'tenant-contoso': ['contoso.com'], 'tenant-fabrikam': ['fabrikam.com'] },
      },
    });
    await h.install(MARIA);
    await h.teams.install(MALLORY);

    expect(texts(MALLORY)).toEqual([
      expect.stringMatching(/^Your organisation's people may not use dev@contoso\.com with Steady/),
    ]);
    expect(await userByEmail(h.store, DEV)).toBeUndefined();
    expect(await refusals()).toEqual([
      expect.objectContaining({ address: DEV, claimantUserId: MALLORY_USER, reason: 'DOMAIN_NOT_ALLOWED' }),
    ]);
    await h.at('2026-03-02T08:01:00Z');
    expect(agendasTo(MALLORY)).toEqual([]);

    await h.teams.install(DEV); // Dev herself may
    expect((await userByEmail(h.store, DEV))?.userId).toBe(DEV_USER);
  });

  it('is refused in the same tenant while the holder still uses Steady', async () => {
    h = await botHarness({ people: [{ email: 'dev2@contoso.com', name: 'Dev Two', profileEmail: DEV }] });
    await h.install(MARIA, DEV);
    await h.teams.install('dev2@contoso.com');
    expect(texts('dev2@contoso.com')[0]).toMatch(/already belongs to another Teams account/);
    expect((await userByEmail(h.store, DEV))?.userId).toBe(DEV_USER);
  });
});

describe('an address given to a new account after the old one left', () => {
  it("moves to the new account, which never sees the old account's private notes", async () => {
    const NEW_DEV = 'new.dev@contoso.com';
    h = await botHarness({ people: [{ email: NEW_DEV, name: 'New Dev', profileEmail: DEV }] });
    await h.install(MARIA, DEV);
    await h.at('2026-03-03T08:10:00Z'); // during the 1:1 of Tue 3 Mar (09:00 Berlin)
    await h.teams.say(DEV, 'private Thinking of leaving');
    await h.teams.say(DEV, 'note Shared with Maria');
    await h.teams.uninstall(DEV); // the old account is gone

    await h.teams.install(NEW_DEV);
    const newUser = await userByEmail(h.store, DEV);
    expect(newUser?.userId).not.toBe(DEV_USER);
    expect(newUser?.userId).toBe(userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', NEW_DEV)));

    await h.at('2026-03-03T08:46:00Z'); // the summaries, 15 minutes after the 1:1
    const summary = texts(NEW_DEV).find((t) => t.includes('Shared with Maria'));
    expect(summary).toBeDefined();
    expect(summary).not.toContain('Thinking of leaving');
  });
});

describe('what the old account kept private, after its address moved (issue 27)', () => {
  it("stays its own: the new account's export and agendas hold no unshared answer or draft", async () => {
    const NEW_DEV = 'new.dev@contoso.com';
    const PAIR = pairIdOf(MARIA, DEV);
    h = await botHarness({ people: [{ email: NEW_DEV, name: 'New Dev', profileEmail: DEV }] });
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar, and Dev's deep-dive prompt
    const occurrenceId = (await h.store.pairs.list(PAIR, { type: 'occurrence' })).items[0]!.doc.id;
    const draft = {
      feedbackId: 'feedback:old-dev-draft',
      behavior: 'You rushed the review',
      request: 'Slow down',
    };
    const said = async (email: string, verb: string, data: Record<string, string>) =>
      JSON.stringify((await h.teams.invoke(email, { verb, data: { pairId: PAIR, ...data } })).body);
    expect(await said(DEV, 'saveFeedback', { ...draft, state: 'draft' })).toMatch(/draft/i);
    const answers = { occurrenceId, happiness: '3', makeItTen: 'A different team', share: 'false' };
    expect(await said(DEV, 'submitDeepDive', answers)).toMatch(/kept private/);
    await h.teams.uninstall(DEV); // the old account is gone; dev@ goes to a new account

    await h.teams.install(NEW_DEV);
    const newUser = (await userByEmail(h.store, DEV))!;
    expect(newUser.userId).toBe(userIdOf('tenant-contoso', derivedAadObjectId('tenant-contoso', NEW_DEV)));
    const file = JSON.stringify(await exportPerson(h.store, newUser, '2026-03-02T09:00:00Z'));
    expect(file).not.toContain('You rushed the review');
    expect(file).not.toContain('A different team');
    // nor can the new account take the draft over
    expect(await said(NEW_DEV, 'saveFeedback', { ...draft, behavior: 'Mine now', state: 'shared' })).toMatch(
      /not one of yours/,
    );
    await h.at('2026-03-09T08:01:00Z'); // the next agenda, to the new account
    const agendas = texts(NEW_DEV).filter((t) => t.startsWith('Agenda\n1:1 with'));
    expect(agendas).toHaveLength(1);
    expect(agendas[0]).not.toContain('You rushed the review');
    // and the old account's private things are still stored, its own
    expect((await h.store.pairs.list(PAIR, { type: 'feedback' })).items.map((i) => i.doc.behavior)).toEqual([
      'You rushed the review',
    ]);
  });
});

describe('an address spelled with lookalike characters (issue 27)', () => {
  const KATE = 'kate@contoso.com';

  it('is the same address when Unicode says so: a Kelvin sign is the letter K', async () => {
    h = await botHarness({
      people: [
        { email: KATE, name: 'Kate' },
        { email: 'kelvin@contoso.com', name: 'Kelvin', profileEmail: '\u212Aate@Contoso.com' },
      ],
    });
    await h.install(KATE);
    await h.teams.install('kelvin@contoso.com');
    expect(texts('kelvin@contoso.com')).toEqual([
      expect.stringMatching(/^kate@contoso\.com already belongs to another Teams account in Steady/),
    ]);
    expect((await userByEmail(h.store, KATE))?.name).toBe('Kate');
  });

  it('is refused when it is not an address Steady can use: a dotless ı or a dotted İ is not an i', async () => {
    h = await botHarness({
      people: [
        { email: 'mallory1@contoso.com', name: 'M1', profileEmail: 'mar\u0131a@contoso.com' },
        { email: 'mallory2@contoso.com', name: 'M2', profileEmail: 'MAR\u0130A@contoso.com' },
      ],
    });
    await h.install(MARIA, DEV);
    for (const mallory of ['mallory1@contoso.com', 'mallory2@contoso.com']) {
      await h.teams.install(mallory);
      await h.teams.say(mallory, 'add Read her agenda');
      expect(texts(mallory)).toEqual([
        expect.stringMatching(/^Your Teams profile's email address is not one Steady can use/),
        expect.stringMatching(/^Your Teams profile's email address is not one Steady can use/),
      ]);
    }
    expect((await userByEmail(h.store, MARIA))?.name).toBe('Maria Lopez');
    expect(await userByEmail(h.store, 'mar\u0131a@contoso.com')).toBeUndefined();
    await h.at('2026-03-02T08:01:00Z');
    expect(agendasTo('mallory1@contoso.com')).toEqual([]);
    expect(agendasTo('mallory2@contoso.com')).toEqual([]);
    expect(agendasTo(MARIA)[0]).not.toContain('Read her agenda');
  });
});
