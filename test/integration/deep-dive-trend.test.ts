import { afterEach, describe, expect, it } from 'vitest';
import { addMinutes, pairIdOf, type Occurrence, type Pair, type User } from '../../shared/domain/index.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { agendaView } from '../../shared/services/one-on-one/agenda-view.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { saveUser, userByEmail } from '../../shared/services/people.js';
import { agendaCard } from '../../shared/services/delivery/cards.js';
import { deliverAgenda } from '../support/deliver-agenda.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);

/** What Dev wrote in April and kept to himself: none of it may reach Maria. */
const PRIVATE = ['Private: thinking about leaving', 'Private: nothing new', 'Private: stuck at my level'];

/** The occurrence that starts on `day` (UTC date). */
async function on(day: string): Promise<Occurrence> {
  const found = (await pairOccurrences(h.store, PAIR)).find((o) => o.start.startsWith(day));
  if (found === undefined) throw new Error(`no 1:1 on ${day}`);
  return found;
}

/** Dev answers the deep-dive prompt of the 1:1 on `day`, the day before, with the card's Submit. */
async function answer(day: string, inputs: Record<string, string>) {
  const occurrence = await on(day);
  h.calendar.time.set(addMinutes(occurrence.start, -24 * 60));
  const data = { pairId: PAIR, occurrenceId: occurrence.id, ...inputs };
  const reply = await h.teams.invoke(DEV, { verb: 'submitDeepDive', data });
  expect(JSON.stringify(reply.body)).toMatch(
    inputs.share === 'true' ? /shared with your manager/ : /private/,
  );
}

/**
 * Maria and Dev's weekly 1:1, Tuesdays from 3 March: deep dives on 3 Mar, 7 Apr, 5 May and 2 Jun.
 * Dev shares March (7) and May (9), keeps April (3) private; it is now 1 June.
 */
async function history() {
  h = await botHarness();
  await h.install(MARIA, DEV);
  await answer('2026-03-03', {
    happiness: '7',
    makeItTen: 'March: more focus time',
    learning: 'March: Rust',
    share: 'true',
  });
  await answer('2026-04-07', {
    happiness: '3',
    makeItTen: PRIVATE[0]!,
    learning: PRIVATE[1]!,
    career: PRIVATE[2]!,
    share: 'false',
  });
  h.calendar.time.set('2026-04-21T12:00:00Z'); // the hourly maintenance reads the series into June
  await maintainCalendars(h.calendar.deps);
  await h.calendar.drainSyncs();
  await answer('2026-05-05', {
    happiness: '9',
    makeItTen: 'May: a clear owner for billing',
    career: 'May: lead the retry queue',
    share: 'true',
  });
  h.calendar.time.set('2026-06-01T07:00:00Z');
  const pair = (await h.store.pairs.get(PAIR, 'pair'))?.doc;
  const maria = await userByEmail(h.store, MARIA);
  const dev = await userByEmail(h.store, DEV);
  if (pair?.type !== 'pair' || maria === undefined || dev === undefined) throw new Error('no pair');
  return { pair, maria, dev };
}

const card = async (pair: Pair, day: string, viewer: User) =>
  agendaCard(h.bot.deps, pair, await on(day), viewer);
const lines = async (pair: Pair, day: string, viewer: User) =>
  visibleText(await card(pair, day, viewer)).split('\n');
const view = async (pair: Pair, day: string, viewer: User) =>
  agendaView(h.store, pair, await on(day), viewer, viewer.timeZone);

describe('the happiness trend of the monthly deep dive', () => {
  it("shows the manager's deep-dive agenda only the scores the report shared, month by month", async () => {
    const { pair, maria } = await history();
    const june = await lines(pair, '2026-06-02', maria);
    expect(june).toContain('Monthly deep dive');
    expect(june.filter((line) => line.startsWith('Happiness, shared'))).toEqual([
      'Happiness, shared: Mar 2026 7 · May 2026 9 ↑',
    ]);
    // On 5 May the trend ends with May itself: Dev answered that 1:1's prompt the day before.
    const may = await lines(pair, '2026-05-05', maria);
    expect(may.filter((line) => line.startsWith('Happiness, shared'))).toEqual([
      'Happiness, shared: Mar 2026 7 · May 2026 9 ↑',
    ]);
    const april = await lines(pair, '2026-04-07', maria);
    expect(april.filter((line) => line.startsWith('Happiness, shared'))).toEqual([
      'Happiness, shared: Mar 2026 7',
    ]);
    expect((await view(pair, '2026-06-02', maria)).happinessTrend).toEqual([
      { month: '2026-03', happiness: 7 },
      { month: '2026-05', happiness: 9 },
    ]);
  });

  it("shows the latest answers only when shared; an unshared answer's texts are in no card of the manager", async () => {
    const { pair, maria } = await history();
    const june = await lines(pair, '2026-06-02', maria);
    expect(june).toContain('Their shared answers · May 2026');
    expect(june).toContain('What would make it a 10? May: a clear owner for billing');
    expect(june).toContain('Career: May: lead the retry queue');
    // April's own answers were not shared: nothing of them, and nothing older in their place.
    const april = (await lines(pair, '2026-04-07', maria)).join('\n');
    expect(april).not.toContain('Their shared answers');
    expect(april).not.toContain('March: more focus time');
    for (const occurrence of await pairOccurrences(h.store, PAIR)) {
      const json = JSON.stringify(await agendaCard(h.bot.deps, pair, occurrence, maria));
      for (const secret of PRIVATE) expect(json).not.toContain(secret);
    }
  });

  it("never shows the trend or the answers on the report's agenda", async () => {
    const { pair, dev } = await history();
    expect(await view(pair, '2026-06-02', dev)).toMatchObject({
      deepDive: true,
      happinessTrend: [],
      sharedAnswers: undefined,
    });
    for (const occurrence of await pairOccurrences(h.store, PAIR)) {
      const text = visibleText(await agendaCard(h.bot.deps, pair, occurrence, dev));
      expect(text).not.toContain('Happiness, shared');
      expect(text).not.toContain('Their shared answers');
      expect(text).not.toContain('May: a clear owner for billing');
    }
  });

  it('shows nothing of it on an agenda that is not a deep dive', async () => {
    const { pair, maria } = await history();
    expect(await view(pair, '2026-06-09', maria)).toMatchObject({
      deepDive: false,
      happinessTrend: [],
      sharedAnswers: undefined,
    });
    for (const day of ['2026-05-12', '2026-06-09', '2026-06-16']) {
      const text = (await lines(pair, day, maria)).join('\n');
      expect(text).not.toContain('Monthly deep dive');
      expect(text).not.toContain('Happiness, shared');
      expect(text).not.toContain('Their shared answers');
    }
  });

  it("updates the manager's sent deep-dive agenda in place when the report shares, and again when they stop sharing", async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    const pair = (await h.store.pairs.get(PAIR, 'pair'))?.doc;
    const maria = await userByEmail(h.store, MARIA);
    if (pair?.type !== 'pair' || maria === undefined) throw new Error('no pair');
    const march = await on('2026-03-03');
    expect(await deliverAgenda(h.bot.deps, pair, march, maria)).toBe('SENT');
    const sent = h.teams.latestCard(MARIA);
    expect(visibleText(sent!.card)).not.toContain('Their shared answers');

    await answer('2026-03-03', { happiness: '8', makeItTen: 'Fewer meetings', share: 'true' });
    const shared = h.teams.latestCard(MARIA);
    expect(shared?.activityId).toBe(sent?.activityId); // the same message, updated
    expect(visibleText(shared!.card)).toContain('What would make it a 10? Fewer meetings');
    expect(visibleText(shared!.card)).toContain('Happiness, shared: Mar 2026 8');

    await answer('2026-03-03', { happiness: '8', makeItTen: 'Fewer meetings', share: 'false' });
    const unshared = visibleText(h.teams.latestCard(MARIA)!.card);
    expect(unshared).not.toContain('Fewer meetings');
    expect(unshared).not.toContain('Happiness, shared');
  });

  it('refuses an answer for a 1:1 that is not live in the pair, and stores nothing', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    const reply = await h.teams.invoke(DEV, {
      verb: 'submitDeepDive',
      data: {
        pairId: PAIR,
        occurrenceId: 'occurrence:forged:2026-03-03T08:00:00.000Z',
        happiness: '5',
        share: 'true',
      },
    });
    expect(JSON.stringify(reply.body)).toMatch(/no longer on the calendar/);
    expect((await h.store.pairs.list(PAIR, { type: 'deepDiveAnswer' })).items).toEqual([]);
  });

  it('picks the same deep dive for both people when their time zones put the 1:1 in different months', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    // Dev works from Honolulu: the 1:1 of Tue 1 Sep, 09:00 in Berlin, is Mon 31 Aug, 21:00 for him.
    const dev = await userByEmail(h.store, DEV);
    if (dev === undefined) throw new Error('Dev has not installed Steady');
    await saveUser(h.store, { ...dev, timeZone: 'Pacific/Honolulu' });
    h.calendar.time.set('2026-08-20T12:00:00Z');
    await maintainCalendars(h.calendar.deps);
    await h.calendar.drainSyncs();
    const pair = (await h.store.pairs.get(PAIR, 'pair'))?.doc;
    const maria = await userByEmail(h.store, MARIA);
    const honolulu = await userByEmail(h.store, DEV);
    if (pair?.type !== 'pair' || maria === undefined || honolulu === undefined) throw new Error('no pair');
    const deepDives = async (viewer: User) => {
      const days: string[] = [];
      for (const day of ['2026-09-01', '2026-09-08']) {
        if (
          visibleText(await agendaCard(h.bot.deps, pair, await on(day), viewer)).includes('Monthly deep dive')
        )
          days.push(day);
      }
      return days;
    };
    expect(await deepDives(maria)).toEqual(['2026-09-01']);
    expect(await deepDives(honolulu)).toEqual(['2026-09-01']);
  });
});
