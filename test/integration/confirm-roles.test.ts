import { afterEach, describe, expect, it } from 'vitest';
import { COACHING_TIPS, pairIdOf } from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

/**
 * "Is X your report?" through the real bot and the fake Teams, with a directory that knows nobody
 * (production without a directory entry): every press is checked on the server.
 */
const PAIR = pairIdOf(MARIA, DEV); // Maria organizes it: the pair is keyed organizer first
let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h?.stop());

/** The person's agenda card as it shows now (other cards, such as the trust digest, may come after it). */
const text = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .map((a) => visibleText((a.attachments?.[0] as { content?: never } | undefined)?.content))
    .filter((shown) => shown.startsWith('Agenda'))
    .at(-1) ?? '';
const replyText = (body: unknown) => JSON.stringify(body);
const stored = async () => {
  const found = await h.store.pairs.get(PAIR, 'pair');
  if (found?.doc.type !== 'pair') throw new Error('no pair');
  return { doc: found.doc, etag: found.etag };
};
const press = (email: string, step: string, answer: string, pairId = PAIR) =>
  h.teams.invoke(email, { verb: 'confirmRoles', data: { pairId, step, answer } });

async function agendasSent(managers: Record<string, string> = {}) {
  h = await botHarness({ managers });
  await h.install(MARIA, DEV, ANA);
  await h.at('2026-03-02T08:00:00Z'); // the agendas of Tue 3 March, a deep dive
}

describe('roles confirmed in chat', () => {
  it('asks the organizer, tells the other who is asked, and shows nothing manager-only meanwhile', async () => {
    await agendasSent();
    expect((await stored()).doc.roles).toMatchObject({ source: 'unconfirmed', askedEmail: MARIA });
    expect(text(MARIA)).toContain('Is Dev Patel your report?');
    expect(text(DEV)).toContain('Maria Lopez is asked who manages whom in this 1:1.');
    for (const email of [MARIA, DEV]) {
      const all = JSON.stringify(h.teams.activities(email));
      expect(COACHING_TIPS.filter((tip) => all.includes(tip))).toEqual([]);
      expect(all).not.toContain('Plan a career talk');
    }
    // the month's first 1:1, yet no deep-dive prompt to Dev and no trust digest to Maria
    expect(JSON.stringify(h.teams.activities(DEV))).not.toContain('a few minutes on the bigger picture');
    expect(JSON.stringify(h.teams.activities(MARIA))).not.toContain('Trust digest');
    // nor in Maria's data export: the coaching tips fixed for the pair are a manager's
    expect((await stored()).doc.coachingTips?.length).toBeGreaterThan(0);
    const maria = await userByEmail(h.store, MARIA);
    const file = await exportPerson(h.store, maria!, '2026-03-02T09:00:00Z');
    expect(file.pairs[0]?.pair).not.toHaveProperty('coachingTips');
  });

  it('refuses a press by the wrong person, by someone outside the pair, and a forged one; nothing changes', async () => {
    await agendasSent();
    const before = await stored();
    // Dev may not give the first answer (it is Maria's), nor check an answer nobody gave
    expect(replyText((await press(DEV, 'ask', 'reportsToMe')).body)).toContain(
      'Maria Lopez answers this first',
    );
    expect(replyText((await press(DEV, 'check', 'right')).body)).toContain('Nobody has answered');
    expect(replyText((await press(ANA, 'ask', 'reportsToMe')).body)).toContain('not one of yours');
    expect(replyText((await press(MARIA, 'ask', 'boss')).body)).toContain('cannot use');
    expect(replyText((await press(MARIA, 'ask', 'reportsToMe', `${ANA}|${DEV}`)).body)).toContain(
      'not one of yours',
    );
    expect(await stored()).toEqual(before);
  });

  it('after "Yes" nothing manager-only until the other agrees; then the coaching tip; a second press changes nothing', async () => {
    await agendasSent();
    const yes = await press(MARIA, 'ask', 'reportsToMe');
    // one person's word is not enough: Maria waits for Dev
    expect(visibleText((yes.body as { value: never }).value)).not.toContain('Coaching tip');
    expect(visibleText((yes.body as { value: never }).value)).toContain(
      'You said you manage them; Dev Patel is asked to agree.',
    );
    const confirmed = await stored();
    expect(confirmed.doc).toMatchObject({
      managerEmail: MARIA,
      reportEmail: DEV,
      roles: { source: 'confirmed', relation: 'manages', confirmedBy: MARIA },
    });
    // Dev's agenda, updated in place: what Maria said, to check
    expect(text(DEV)).toContain('Maria Lopez said they manage you. Is that right?');
    expect(text(DEV)).not.toContain('Coaching tip');

    // the same press again (a retry, a double click) writes nothing
    await press(MARIA, 'ask', 'reportsToMe');
    expect((await stored()).etag).toBe(confirmed.etag);
    // another answer from Maria, or a check by Maria herself, is refused
    expect(replyText((await press(MARIA, 'ask', 'peers')).body)).toContain('already answered');
    expect(replyText((await press(MARIA, 'check', 'right')).body)).toContain('You have answered');
    expect((await stored()).etag).toBe(confirmed.etag);

    const right = await press(DEV, 'check', 'right');
    expect(right.status).toBe(200);
    const settled = await stored();
    expect(settled.doc.roles).toMatchObject({ source: 'confirmed', confirmedBy: MARIA, agreedBy: DEV });
    expect(text(MARIA)).toContain('Coaching tip');
    await press(DEV, 'check', 'right');
    expect((await stored()).etag).toBe(settled.etag);
    expect(replyText((await press(DEV, 'check', 'peers')).body)).toContain('already answered');
    expect((await stored()).doc.managerEmail).toBe(MARIA);
    expect(text(DEV)).not.toContain('Is that right?');
  });

  it('a correction is a new answer for the first one to agree to: nobody makes themselves a manager alone', async () => {
    await agendasSent();
    await press(MARIA, 'ask', 'reportsToMe');
    await h.teams.say(DEV, 'add Topic before the correction');
    // Dev says he manages Maria: the pair (and the topic) stay, the roles follow his word, yet nothing
    // manager-only reaches him until Maria agrees
    await press(DEV, 'check', 'reportsToMe');
    const swapped = await stored();
    expect(swapped.doc).toMatchObject({
      pairId: PAIR,
      managerEmail: DEV,
      reportEmail: MARIA,
      roles: { source: 'confirmed', confirmedBy: DEV },
    });
    expect(swapped.doc.roles?.agreedBy).toBeUndefined();
    expect(text(DEV)).not.toContain('Coaching tip');
    expect(text(DEV)).toContain('Topic before the correction');
    expect(text(MARIA)).toContain('Dev Patel said they manage you. Is that right?');
    expect(replyText((await press(DEV, 'check', 'right')).body)).toContain('You have answered');

    // Maria agrees: from now on Dev is her manager in this 1:1
    await press(MARIA, 'check', 'right');
    expect((await stored()).doc.roles).toMatchObject({ confirmedBy: DEV, agreedBy: MARIA });
    expect(text(DEV)).toContain('Coaching tip');
    expect(text(MARIA)).not.toContain('Coaching tip');
  });

  it('"Neither, we are peers" keeps everything manager-only away for good', async () => {
    await agendasSent();
    await press(MARIA, 'ask', 'peers');
    expect((await stored()).doc.roles).toMatchObject({ source: 'confirmed', relation: 'peers' });
    await press(DEV, 'check', 'right');
    await h.at('2026-03-09T08:00:00Z');
    for (const email of [MARIA, DEV]) {
      const all = JSON.stringify(h.teams.activities(email));
      expect(COACHING_TIPS.filter((tip) => all.includes(tip))).toEqual([]);
    }
  });

  it('the directory decides where it knows: no question, and a press cannot override it', async () => {
    await agendasSent({ [DEV]: MARIA });
    expect((await stored()).doc.roles).toMatchObject({ source: 'directory' });
    expect(text(MARIA)).not.toContain('your report?');
    expect(text(MARIA)).toContain('Coaching tip');
    const before = await stored();
    expect(replyText((await press(MARIA, 'ask', 'peers')).body)).toContain('directory says who manages whom');
    expect(replyText((await press(DEV, 'check', 'reportsToMe')).body)).toContain(
      'directory says who manages whom',
    );
    expect(await stored()).toEqual(before);
  });
});
