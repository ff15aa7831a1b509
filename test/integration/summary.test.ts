import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type Occurrence, type Pair, type User } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import { agendaCard, summaryCard } from '../../shared/services/delivery/cards.js';
import { when } from '../../teams-app/bot/present.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { loadCardValidator } from '../support/card-schema.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const PAIR = pairIdOf(MARIA, DEV);
const validate = loadCardValidator();
/** A Tuesday 1:1 (09:00 Berlin) as the cards write it, in the ICU of the Node running the test. */
const tuesday = (day: string) =>
  when({ start: `2026-03-${day}T08:00:00Z`, end: `2026-03-${day}T08:30:00Z` }, 'Europe/Berlin');

async function started() {
  h = await botHarness();
  await h.install(MARIA, DEV);
}

async function pairAndOccurrences(): Promise<{ pair: Pair; first: Occurrence; second: Occurrence }> {
  const pair = (await h.store.pairs.get(PAIR, 'pair'))?.doc;
  const [first, second] = await pairOccurrences(h.store, PAIR);
  if (pair?.type !== 'pair' || first === undefined || second === undefined) throw new Error('no 1:1 found');
  return { pair, first, second };
}

async function user(email: string): Promise<User> {
  const found = await userByEmail(h.store, email);
  if (found === undefined) throw new Error(`${email} has not installed Steady`);
  return found;
}

/** Presses "Mark covered" on the topic with this text, as on the agenda card. */
async function markCovered(email: string, text: string) {
  const topics = (await h.store.pairs.list(PAIR, { type: 'topic' })).items.map((i) => i.doc);
  const topic = topics.find((t) => t.text === text);
  const reply = await h.teams.invoke(email, {
    verb: 'markCovered',
    data: { pairId: PAIR, topicId: topic?.id ?? '' },
  });
  expect(reply.status).toBe(200);
}

/** The summary card of `occurrence` as `email` sees it: the card JSON and its visible text by section. */
async function summaryOf(email: string, occurrence: Occurrence) {
  const { pair } = await pairAndOccurrences();
  const card = await summaryCard(h.bot.deps, pair, occurrence, await user(email));
  expect(validate(card)).toEqual([]);
  const text = visibleText(card);
  const lines = text.split('\n');
  const between = (from: string, to?: string) => {
    const start = lines.indexOf(from);
    const end = to === undefined ? lines.length : lines.indexOf(to, start + 1);
    return start < 0 ? [] : lines.slice(start + 1, end < 0 ? undefined : end);
  };
  return {
    json: JSON.stringify(card),
    text,
    covered: between('Covered', 'Carried over to next time'),
    carriedOver: between('Carried over to next time', 'Notes'),
    notes: between('Notes', 'Action items'),
    actionItems: between('Action items', 'Next 1:1'),
    next: between('Next 1:1', 'Did this 1:1 happen?'),
  };
}

describe('the summary card', () => {
  it('shows what was covered and what carries over, and the carried-over topic is on the next agenda', async () => {
    await started();
    await h.teams.say(DEV, 'add Conference budget');
    await h.teams.say(MARIA, 'add Team offsite');
    await h.teams.say(DEV, 'add Promotion timeline');
    await markCovered(MARIA, 'Conference budget');
    const { pair, first, second } = await pairAndOccurrences();
    h.calendar.time.set('2026-03-03T08:45:00Z'); // 15 minutes after the 1:1 ended

    for (const email of [MARIA, DEV]) {
      const summary = await summaryOf(email, first);
      expect(summary.text.split('\n')[2]).toBe(tuesday('03'));
      expect(summary.covered).toEqual(['1. Conference budget', 'from Dev Patel']);
      expect(summary.carriedOver).toEqual([
        '2. Promotion timeline',
        'from Dev Patel',
        '3. Team offsite',
        'from Maria Lopez',
      ]);
      expect(summary.next).toEqual([tuesday('10')]);
    }
    expect((await summaryOf(MARIA, first)).text).toContain('1:1 with Dev Patel');
    expect((await summaryOf(DEV, first)).text).toContain('1:1 with Maria Lopez');

    const nextAgenda = visibleText(await agendaCard(h.bot.deps, pair, second, await user(MARIA)));
    expect(nextAgenda).toContain('Promotion timeline\ncarried over');
    expect(nextAgenda).toContain('Team offsite\ncarried over');
    expect(nextAgenda).not.toContain('Conference budget');
  });

  it('counts a carried-over topic as covered at the 1:1 where it was covered, and only there', async () => {
    await started();
    await h.teams.say(MARIA, 'add Team offsite');
    await h.teams.say(DEV, 'add Promotion timeline');
    const { first, second } = await pairAndOccurrences();
    h.calendar.time.set('2026-03-10T08:10:00Z'); // during the second 1:1
    await markCovered(DEV, 'Team offsite');
    h.calendar.time.set('2026-03-10T08:45:00Z');

    const now = await summaryOf(DEV, second);
    expect(now.covered).toEqual(['2. Team offsite', 'from Maria Lopez · carried over from an earlier 1:1']);
    expect(now.carriedOver).toEqual([
      '1. Promotion timeline',
      'from Dev Patel · carried over from an earlier 1:1',
    ]);
    expect(now.next).toEqual([tuesday('17')]);

    const before = await summaryOf(DEV, first);
    expect(before.covered).toEqual(['No topics were marked covered.']);
    expect(before.carriedOver).toEqual([
      '1. Promotion timeline',
      'from Dev Patel',
      '2. Team offsite',
      'from Maria Lopez',
    ]);
  });

  it('shows shared notes to both and each private note to its author alone, never to the other', async () => {
    await started();
    await h.teams.say(MARIA, 'note Agreed to split the project');
    await h.teams.say(MARIA, 'private Dev seemed tired');
    await h.teams.say(DEV, 'note I will pair with Sam');
    await h.teams.say(DEV, 'private Ask about the raise');
    const { first, second } = await pairAndOccurrences();
    h.calendar.time.set('2026-03-03T08:45:00Z');
    await h.teams.say(MARIA, 'note Typed after the meeting'); // lands on the next 1:1

    const maria = await summaryOf(MARIA, first);
    expect(maria.json).not.toContain('Ask about the raise');
    expect(maria.notes).toEqual([
      'Maria Lopez: Agreed to split the project',
      'Maria Lopez (private, only you see this): Dev seemed tired',
      'Dev Patel: I will pair with Sam',
    ]);

    const dev = await summaryOf(DEV, first);
    expect(dev.json).not.toContain('Dev seemed tired');
    expect(dev.notes).toEqual([
      'Maria Lopez: Agreed to split the project',
      'Dev Patel: I will pair with Sam',
      'Dev Patel (private, only you see this): Ask about the raise',
    ]);

    expect((await summaryOf(DEV, second)).notes).toEqual(['Maria Lopez: Typed after the meeting']);
  });

  it('names the next live 1:1, skipping a cancelled one', async () => {
    await started();
    for (const email of [MARIA, DEV])
      h.calendar.fake.cancelOccurrence(email, 'weekly-dev', '2026-03-10T08:00:00Z');
    await h.calendar.drainSyncs();
    const { first, second } = await pairAndOccurrences();
    expect(second.status).toBe('cancelled');
    expect((await summaryOf(MARIA, first)).next).toEqual([tuesday('17')]);
  });

  it('refuses to build a summary for someone outside the pair', async () => {
    await started();
    await h.teams.install(ANA);
    await h.teams.say(MARIA, 'private Dev seemed tired');
    const { pair, first } = await pairAndOccurrences();
    await expect(summaryCard(h.bot.deps, pair, first, await user(ANA))).rejects.toThrow(/not one of/);
  });

  it('lists action items with owner and due date: those agreed here and every one still open', async () => {
    await started();
    await h.teams.say(MARIA, 'action @dev Send the design doc by 2026-03-20');
    await h.teams.say(DEV, 'action Book the offsite room');
    await h.teams.say(MARIA, 'action Review the budget by 2026-03-13');
    await h.teams.say(DEV, 'done 2');
    const { first, second } = await pairAndOccurrences();
    h.calendar.time.set('2026-03-03T08:45:00Z');
    await h.teams.say(DEV, 'action @maria Share the roadmap'); // lands on the next 1:1, still open

    expect((await summaryOf(DEV, first)).actionItems).toEqual([
      '1. Send the design doc',
      'Dev Patel · due 20 Mar 2026',
      '2. Review the budget',
      'Maria Lopez · due 13 Mar 2026',
      '3. Share the roadmap',
      'Maria Lopez',
      '4. Book the offsite room',
      'Dev Patel · done',
    ]);

    h.calendar.time.set('2026-03-10T08:45:00Z');
    expect((await summaryOf(MARIA, second)).actionItems).toEqual([
      '1. Send the design doc',
      'Dev Patel · due 20 Mar 2026',
      '2. Review the budget',
      'Maria Lopez · due 13 Mar 2026',
      '3. Share the roadmap',
      'Maria Lopez',
    ]);
  });

  it('counts what does not fit: a long 1:1 still gives a summary under 80 KB', async () => {
    await started();
    for (let n = 1; n <= 14; n++) await h.teams.say(DEV, `add Topic ${n} ${'x'.repeat(450)}`);
    for (let n = 1; n <= 6; n++) await h.teams.say(MARIA, `note Note ${n} ${'y'.repeat(3000)}`);
    for (let n = 1; n <= 9; n++) await h.teams.say(MARIA, `action Follow up ${n}`);
    const { first } = await pairAndOccurrences();
    const summary = await summaryOf(MARIA, first);
    expect(summary.carriedOver).toContain('…and 4 more topics not shown here.');
    expect(summary.notes).toContain('…and 2 more notes not shown here.');
    expect(summary.actionItems).toContain('…and 3 more action items not shown here.');
    expect(summary.notes.filter((line) => line.startsWith('Maria Lopez: Note'))).toHaveLength(4);
    expect(summary.notes.every((line) => line.length < 600)).toBe(true);
    expect(Buffer.byteLength(summary.json)).toBeLessThan(80 * 1024);
  });
});
