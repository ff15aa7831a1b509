import { afterEach, describe, expect, it } from 'vitest';
import {
  COACHING_TIPS,
  Pair,
  QUESTIONS_THAT_WORK,
  pairIdOf,
  type Occurrence,
} from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import { deliver } from '../../shared/services/delivery/deliver.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);
const HEADING = 'Coaching tip · only you see this';

async function started() {
  h = await botHarness();
  await h.install(MARIA, DEV);
}

/** The tips (and headings) anywhere in this JSON: the card data, not only what a renderer shows. */
const tipsIn = (value: unknown): string[] => {
  const json = JSON.stringify(value);
  return [
    ...COACHING_TIPS.filter((tip) => json.includes(tip)),
    ...(json.includes('Coaching tip') ? [HEADING] : []),
  ];
};

/** The card of a message to `email` (a send shows its content after later updates), by what it is. */
const cards = (email: string, op: 'send' | 'update', title: 'Agenda' | 'Summary') =>
  h.teams
    .activities(email)
    .filter((a) => a.op === op && a.attachments !== undefined)
    .map((a) => ({ id: a.id, card: (a.attachments?.[0] as { content: unknown }).content }))
    .filter(({ card }) => visibleText(card).startsWith(title));
const agendas = (email: string) => cards(email, 'send', 'Agenda');

/** The one tip on a manager's agenda card; fails unless there is exactly one, under its heading. */
const tipOf = (card: unknown): string => {
  const lines = visibleText(card).split('\n');
  const tips = lines.filter((line) => (COACHING_TIPS as readonly string[]).includes(line));
  expect(tips).toHaveLength(1);
  expect(lines.filter((line) => line === HEADING)).toHaveLength(1);
  expect(lines.indexOf(tips[0]!)).toBe(lines.indexOf(HEADING) + 1);
  return tips[0]!;
};

async function occurrences(): Promise<Occurrence[]> {
  return pairOccurrences(h.store, PAIR);
}

async function storedPair(): Promise<Pair> {
  const found = await h.store.pairs.get(PAIR, 'pair');
  if (found?.doc.type !== 'pair') throw new Error('no pair');
  return found.doc;
}

describe('coaching tips on the agenda', () => {
  it('shows the manager exactly one tip, and the report none: not on the agenda, the summary or any message', async () => {
    await started();
    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar, a day before
    const [maria] = agendas(MARIA);
    expect(tipOf(maria?.card)).toBe(COACHING_TIPS[0]);
    const [dev] = agendas(DEV);
    expect(visibleText(dev?.card)).toContain('Suggested question');
    expect(tipsIn(dev?.card)).toEqual([]);

    // What the report can make Steady send them: card updates, replies and card responses.
    await h.teams.say(DEV, 'add Promotion timeline');
    await h.teams.say(MARIA, 'add Team offsite');
    const replies = [
      await h.teams.say(DEV, 'agenda'),
      await h.teams.invoke(DEV, {
        verb: 'addTopic',
        data: { pairId: PAIR, occurrenceId: (await occurrences())[0]!.id, topic: 'From the card' },
      }),
    ];
    const [topic] = (await h.store.pairs.list(PAIR, { type: 'topic' })).items.map((i) => i.doc);
    replies.push(
      await h.teams.invoke(DEV, { verb: 'markCovered', data: { pairId: PAIR, topicId: topic!.id } }),
    );
    await h.at('2026-03-03T08:46:00Z'); // the summaries, 15 minutes after the 1:1
    await h.at('2026-03-09T08:01:00Z'); // the next agendas

    expect(tipsIn(replies)).toEqual([]);
    expect(agendas(DEV)).toHaveLength(3); // two delivered, one the reply to `agenda`
    expect(cards(DEV, 'update', 'Agenda').length).toBeGreaterThanOrEqual(2);
    expect(cards(DEV, 'send', 'Summary')).toHaveLength(1);
    expect(tipsIn(h.teams.activities(DEV))).toEqual([]);
    const file = await exportPerson(h.store, (await userByEmail(h.store, DEV))!, '2026-03-09T09:00:00Z');
    expect(tipsIn(file)).toEqual([]);
    expect(JSON.stringify(file)).not.toContain('coachingTips');

    // The manager: one tip on each agenda and each of its updates; none on the summary.
    expect(agendas(MARIA)).toHaveLength(2);
    expect(cards(MARIA, 'update', 'Agenda').length).toBeGreaterThanOrEqual(2);
    for (const { card } of [...agendas(MARIA), ...cards(MARIA, 'update', 'Agenda')]) tipOf(card);
    const summaries = cards(MARIA, 'send', 'Summary');
    expect(summaries).toHaveLength(1);
    expect(tipsIn(summaries)).toEqual([]);
  });

  it('gives consecutive 1:1s different tips, week after week', async () => {
    await started();
    for (const monday of ['02', '09', '16', '23', '30']) await h.at(`2026-03-${monday}T08:01:00Z`);
    const tips = agendas(MARIA).map(({ card }) => tipOf(card));
    expect(tips).toHaveLength(5);
    for (let i = 1; i < tips.length; i++) expect(tips[i]).not.toBe(tips[i - 1]);
    expect(new Set(tips).size).toBe(5); // it rotates through the list, not between two
    expect(tipsIn(h.teams.activities(DEV))).toEqual([]);
  });

  it('keeps one tip per 1:1: whoever gets the agenda first, on a retry, and on every later update', async () => {
    await started();
    const [first, second] = await occurrences();
    h.calendar.time.set('2026-03-02T08:01:00Z');
    const agenda = (occurrence: Occurrence, recipientEmail: string) =>
      deliver(h.bot.deps, { kind: 'agenda', pairId: PAIR, occurrenceId: occurrence.id, recipientEmail });
    // The report's agenda goes out first and fixes the tip; the manager's, later, shows that one.
    expect(await agenda(first!, DEV)).toBe('SENT');
    const fixed = (await storedPair()).coachingTips;
    expect(fixed).toEqual([{ occurrenceId: first!.id, index: 0 }]);
    expect(await agenda(first!, MARIA)).toBe('SENT');
    expect(await agenda(first!, MARIA)).toBe('ALREADY_SENT');
    const [sent] = agendas(MARIA);
    const tip = tipOf(sent?.card);
    expect(tip).toBe(COACHING_TIPS[0]);
    expect((await storedPair()).coachingTips).toEqual(fixed);

    // The next 1:1's agenda goes out while this one's card is still updated (as with a daily 1:1):
    // a topic added during the meeting lands on it, and the manager's card keeps its own tip.
    expect(await agenda(second!, MARIA)).toBe('SENT');
    expect(tipOf(agendas(MARIA)[1]?.card)).not.toBe(tip);
    h.calendar.time.set('2026-03-03T08:10:00Z');
    const updatesOfFirst = () =>
      h.teams
        .activities(MARIA)
        .filter((a) => a.op === 'update' && a.id === sent?.id)
        .map((a) => (a.attachments?.[0] as { content: unknown }).content);
    await h.teams.say(DEV, 'add Said in the meeting');
    expect(updatesOfFirst()).toHaveLength(1);
    expect(visibleText(updatesOfFirst()[0])).toContain('Said in the meeting');
    // A calendar change that refreshes it, too.
    expect(await deliver(h.bot.deps, { kind: 'refresh', pairId: PAIR, occurrenceId: first!.id })).toBe(
      'SENT',
    );
    expect(updatesOfFirst()).toHaveLength(2);
    for (const card of updatesOfFirst()) expect(tipOf(card)).toBe(tip);
    // and its suggested question, fixed with the tip, stays its own too
    const questionOf = (card: unknown) => {
      const lines = visibleText(card).split('\n');
      return lines[lines.indexOf('Suggested question') + 1];
    };
    expect(questionOf(agendas(MARIA)[1]?.card)).not.toBe(questionOf(sent?.card));
    for (const card of updatesOfFirst()) expect(questionOf(card)).toBe(questionOf(sent?.card));
  });

  it('works with a pair stored before tips existed, even one whose question was already fixed', async () => {
    await started();
    const [first] = await occurrences();
    const { coachingTips: _none, ...before } = await storedPair();
    const old = { ...before, lastQuestion: { occurrenceId: first!.id, index: 2 } };
    expect(Pair.parse(old)).not.toHaveProperty('coachingTips');
    await h.store.pairs.upsert(old);

    await h.at('2026-03-02T08:01:00Z');
    const [maria] = agendas(MARIA);
    expect(tipOf(maria?.card)).toBe(COACHING_TIPS[0]);
    expect(visibleText(maria?.card)).toContain(QUESTIONS_THAT_WORK[2]); // the question stays as it was
    expect(await storedPair()).toMatchObject({
      lastQuestion: { occurrenceId: first!.id, index: 2 },
      coachingTips: [{ occurrenceId: first!.id, index: 0 }],
    });
    await h.at('2026-03-09T08:01:00Z');
    expect(tipOf(agendas(MARIA)[1]?.card)).toBe(COACHING_TIPS[1]);
    expect(tipsIn(h.teams.activities(DEV))).toEqual([]);
  });
});
