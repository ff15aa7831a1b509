import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type PairDoc } from '../../shared/domain/index.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness, weeklyWith } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const WITH_DEV = pairIdOf(MARIA, DEV);
const WITH_ANA = pairIdOf(MARIA, ANA);
// Dev's 1:1 is 09:00–09:30 Berlin (08:00Z), its summary due 15 minutes after; Ana's, when apart, at 11:00.
const DURING_DEV = '2026-03-03T08:10:00Z';
const BEFORE_SUMMARY = '2026-03-03T08:40:00Z';
const DEV_SUMMARY = '2026-03-03T08:45:00Z';
const DURING_ANA = '2026-03-03T10:10:00Z';

/** Maria manages Dev and Ana; with `overlapping`, both 1:1s are at 09:00, else Ana's is at 11:00. */
async function started(overlapping = false) {
  h = await botHarness({ reports: [DEV] });
  const ana = overlapping
    ? weeklyWith(ANA)
    : {
        ...weeklyWith(ANA),
        start: { dateTime: '2026-03-03T11:00:00+01:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-03-03T11:30:00+01:00', timeZone: 'Europe/Berlin' },
      };
  h.calendar.fake.upsertEvent(MARIA, ana);
  h.calendar.fake.upsertEvent(ANA, ana);
  await h.install(MARIA, DEV, ANA);
}

const lastReply = (email: string) => {
  const sent = h.teams.activities(email).filter((a) => a.op === 'send');
  const last = sent[sent.length - 1];
  return (
    last?.text ?? (last?.attachments ? visibleText((last.attachments[0] as { content: never }).content) : '')
  );
};
const docs = async (pairId: string, type: PairDoc['type']) =>
  (await h.store.pairs.list(pairId, { type, limit: 1000 })).items.map((i) => i.doc);
const texts = async (pairId: string, type: 'note' | 'actionItem' | 'topic') =>
  (await docs(pairId, type)).map((d) => ('text' in d ? d.text : ''));
/** The visible text of every card `email` was sent, in order. */
const cardsTo = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send' && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: never }).content));

describe('during a 1:1, chat goes to it', () => {
  it('a manager of several writes a note and an action item with no question, and they are in that summary alone', async () => {
    await started();
    await h.at(DURING_DEV);
    await h.teams.say(MARIA, 'note Agreed to split the billing work');
    expect(lastReply(MARIA)).toBe(
      'Note saved on your 1:1 with Dev Patel on 2026-03-03; you both see it in the summary.',
    );
    await h.teams.say(MARIA, 'action @dev Draft the billing split by 2026-03-10');
    expect(lastReply(MARIA)).toBe(
      'Action item on your 1:1 with Dev Patel on 2026-03-03, for Dev Patel by 2026-03-10: Draft the billing split',
    );
    await h.teams.say(MARIA, 'private Dev sounds stretched');
    await h.teams.say(DEV, 'add Holiday cover');
    expect(await texts(WITH_DEV, 'note')).toEqual(
      expect.arrayContaining(['Agreed to split the billing work', 'Dev sounds stretched']),
    );
    expect(await texts(WITH_DEV, 'actionItem')).toEqual(['Draft the billing split']);
    expect(await texts(WITH_ANA, 'note')).toEqual([]);
    expect(await texts(WITH_ANA, 'actionItem')).toEqual([]);

    // after its end, until its summary is due, it is still the meeting's
    await h.at(BEFORE_SUMMARY);
    await h.teams.say(MARIA, 'note Dev takes the invoices');
    expect(lastReply(MARIA)).toMatch(/^Note saved on your 1:1 with Dev Patel on 2026-03-03/);

    await h.at(DEV_SUMMARY);
    const summary =
      cardsTo(MARIA).find((c) => c.startsWith('Summary') && c.includes('Agreed to split the billing work')) ??
      '';
    expect(summary).toContain('Dev takes the invoices');
    expect(summary).toContain('Draft the billing split');
    expect(summary).toContain('Dev Patel');

    await h.at(DURING_ANA);
    await h.teams.say(MARIA, 'note Ana leads the launch');
    expect(lastReply(MARIA)).toMatch(/^Note saved on your 1:1 with Ana Silva on 2026-03-03/);
    expect(await texts(WITH_ANA, 'note')).toEqual(['Ana leads the launch']);
    await h.at('2026-03-03T10:45:00Z');
    const anas = cardsTo(MARIA).filter((c) => c.startsWith('Summary') && c.includes('Ana leads the launch'));
    expect(anas.length).toBeGreaterThan(0);
    for (const card of anas) expect(card).not.toContain('billing');
  });

  it('`done <n>` during the meeting closes that pair’s item', async () => {
    await started();
    await h.at(DURING_DEV);
    await h.teams.say(MARIA, 'action Book the room');
    await h.teams.say(MARIA, 'done 1');
    expect(lastReply(MARIA)).toBe('Done, on your 1:1 with Dev Patel: Book the room');
    expect(await docs(WITH_DEV, 'actionItem')).toMatchObject([{ text: 'Book the room', done: true }]);
  });

  it.each([
    ['before the 1:1 starts', '2026-03-03T07:55:00Z'],
    ['once its summary is due', DEV_SUMMARY],
    ['between 1:1s', '2026-03-03T09:30:00Z'],
  ])('asks which 1:1 %s, and stores nothing', async (_, instant) => {
    await started();
    await h.at(instant);
    await h.teams.say(MARIA, 'note Agreed to split the billing work');
    expect(lastReply(MARIA)).toContain('Which 1:1?');
    expect(await texts(WITH_DEV, 'note')).toEqual([]);
    expect(await texts(WITH_ANA, 'note')).toEqual([]);
  });

  it('asks which 1:1 when two of hers are in progress at once', async () => {
    await started(true);
    await h.at(DURING_DEV);
    for (const text of ['note Overlap', 'action Pick one', 'add A topic', 'done 1']) {
      await h.teams.say(MARIA, text);
      expect(lastReply(MARIA)).toContain('Which 1:1?');
    }
    expect(await docs(WITH_DEV, 'note')).toEqual([]);
    expect(await docs(WITH_ANA, 'note')).toEqual([]);
  });

  it('a cancelled 1:1 is not in progress: she is asked', async () => {
    await started();
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-03T08:00:00Z');
    await h.calendar.drainSyncs();
    await h.at(DURING_DEV);
    await h.teams.say(MARIA, 'note Agreed');
    expect(lastReply(MARIA)).toContain('Which 1:1?');
  });
});
