import { afterEach, describe, expect, it } from 'vitest';
import { deliveryIdOf, pairIdOf, type ActionItem, type Occurrence } from '../../shared/domain/index.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { erasePerson } from '../../shared/services/erase-person.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { trustDigest } from '../../shared/services/one-on-one/trust-digest.js';
import { userByEmail } from '../../shared/services/people.js';
import { deliver } from '../../shared/services/delivery/deliver.js';
import { trustDigestPartition } from '../../shared/services/one-on-one/trust-digest.js';
import { DIGEST_FOR_MANAGERS } from '../../teams-app/bot/trust-digest.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const WITH_DEV = pairIdOf(MARIA, DEV);
const WITH_ANA = pairIdOf(MARIA, ANA);
const NOW = '2026-04-29T12:00:00Z'; // a Wednesday: the window is 4 Mar – 28 Apr
const TITLE = 'Trust digest · only you see this';

/** The occurrence of `pairId` originally on `day` (UTC date). */
async function on(pairId: string, day: string): Promise<Occurrence> {
  const found = (await pairOccurrences(h.store, pairId)).find((o) => o.originalStart.startsWith(day));
  if (found === undefined) throw new Error(`no 1:1 on ${day}`);
  return found;
}

async function change(pairId: string, day: string, edit: (o: Occurrence) => Occurrence) {
  const occurrence = await on(pairId, day);
  const stored = await h.store.pairs.get(pairId, occurrence.id);
  const written = await h.store.pairs.replace(edit(occurrence), stored!.etag);
  expect(written.ok).toBe(true);
}

let items = 0;
async function item(pairId: string, owner: string, fields: Partial<ActionItem>) {
  const occurrence = await on(pairId, '2026-03-03');
  items += 1;
  await h.store.pairs.create({
    type: 'actionItem',
    id: `actionItem:test-${items}`,
    pairId,
    occurrenceId: occurrence.id,
    occurrenceStart: occurrence.originalStart,
    ownerEmail: owner,
    createdBy: MARIA,
    text: `Item ${items}`,
    done: false,
    createdAt: '2026-03-03T08:00:00.000Z',
    updatedAt: '2026-03-03T08:00:00.000Z',
    ...fields,
  });
}

async function answer(pairId: string, report: string, day: string, happiness: number, shared: boolean) {
  const occurrence = await on(pairId, day);
  await h.store.pairs.upsert({
    type: 'deepDiveAnswer',
    id: `deepDiveAnswer:${occurrence.id}`,
    pairId,
    occurrenceId: occurrence.id,
    reportEmail: report,
    happiness,
    shared,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
}

/**
 * Maria manages Dev and Ana (weekly, Tuesdays 09:00 Berlin, from 3 March). In the 8 weeks before
 * 29 April: Dev's 1:1 of 17 Mar was cancelled and Dev declined 7 Apr; Ana's of 24 Mar was cancelled.
 * Maria owned five items due in the window: two on time
 * (one in each pair), one done two days late, one done at 00:30 Berlin the day after (late, though
 * still the due day in UTC), one open. Dev shared 7 in March and kept a 3 in April private; Ana
 * shared 8 then 5.
 */
async function history() {
  h = await botHarness({ reports: [DEV, ANA] });
  await h.install(MARIA, DEV, ANA);
  h.calendar.time.set('2026-04-21T12:00:00Z'); // the hourly maintenance reads the series into June
  await maintainCalendars(h.calendar.deps);
  await h.calendar.drainSyncs();
  await change(WITH_DEV, '2026-03-17', (o) => ({ ...o, status: 'cancelled' }));
  await change(WITH_DEV, '2026-04-07', (o) => ({ ...o, declinedBy: [DEV] }));
  await change(WITH_ANA, '2026-03-24', (o) => ({ ...o, status: 'cancelled' }));

  await item(WITH_DEV, MARIA, { due: '2026-03-20', done: true, doneAt: '2026-03-19T10:00:00.000Z' });
  await item(WITH_DEV, MARIA, { due: '2026-04-10', done: true, doneAt: '2026-04-12T10:00:00.000Z' });
  await item(WITH_DEV, MARIA, { due: '2026-04-25', done: true, doneAt: '2026-04-25T22:30:00.000Z' });
  await item(WITH_DEV, MARIA, { due: '2026-04-20' });
  await item(WITH_ANA, MARIA, { due: '2026-04-01', done: true, doneAt: '2026-03-30T10:00:00.000Z' });
  // not counted: Dev's own item, one due before the window, one due today, one with no due date
  await item(WITH_DEV, DEV, { due: '2026-04-02' });
  await item(WITH_DEV, MARIA, { due: '2026-02-20' });
  await item(WITH_DEV, MARIA, { due: '2026-04-29' });
  await item(WITH_ANA, MARIA, {});

  await answer(WITH_DEV, DEV, '2026-03-03', 7, true);
  await answer(WITH_DEV, DEV, '2026-04-07', 3, false);
  await answer(WITH_ANA, ANA, '2026-03-03', 8, true);
  await answer(WITH_ANA, ANA, '2026-04-07', 5, true);
  h.calendar.time.set(NOW);
}

/** Every card and text `email` ever received, as visible text, sends and updates alike. */
const received = (email: string): string[] =>
  h.teams
    .activities(email)
    .map((a) =>
      [
        a.text ?? '',
        ...(a.attachments ?? []).map((x) => visibleText((x as { content: unknown }).content)),
      ].join('\n'),
    );
const digests = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .flatMap((a) => (a.attachments ?? []).map((x) => visibleText((x as { content: unknown }).content)))
    .filter((text) => text.startsWith(TITLE));

describe("the manager's trust digest", () => {
  it('counts follow-through, cadence health and falls in shared happiness over the last 8 weeks', async () => {
    await history();
    const digest = await trustDigest(h.store, MARIA, NOW, 'Europe/Berlin');
    expect(digest).toMatchObject({
      month: '2026-04',
      from: '2026-03-04',
      until: '2026-04-29',
      followThrough: { due: 5, onTime: 2, late: 2, open: 1 },
      cadence: [
        { pairId: WITH_ANA, reportEmail: ANA, scheduled: 8, held: 7 },
        { pairId: WITH_DEV, reportEmail: DEV, scheduled: 8, held: 6 },
      ].sort((a, b) => a.pairId.localeCompare(b.pairId)),
      happinessFell: [
        { reportEmail: ANA, previousMonth: '2026-03', previous: 8, latestMonth: '2026-04', latest: 5 },
      ],
    });
    // Dev's private 3 never counts; were it shared, it would.
    await answer(WITH_DEV, DEV, '2026-04-07', 3, true);
    const shared = await trustDigest(h.store, MARIA, NOW, 'Europe/Berlin');
    expect(shared?.happinessFell.map((d) => d.reportEmail).sort()).toEqual([ANA, DEV].sort());
  });

  it('judges the due date in the manager zone, and a live 1:1 moved past now is neither held nor missed', async () => {
    await history();
    // In UTC the item done at 22:30 on its due day is on time; in Berlin it was done the next day.
    expect((await trustDigest(h.store, MARIA, NOW, 'UTC'))?.followThrough).toEqual({
      due: 5,
      onTime: 3,
      late: 1,
      open: 1,
    });
    await change(WITH_ANA, '2026-04-28', (o) => ({
      ...o,
      start: '2026-04-30T07:00:00.000Z',
      end: '2026-04-30T07:30:00.000Z',
    }));
    const digest = await trustDigest(h.store, MARIA, NOW, 'Europe/Berlin');
    expect(digest?.cadence.find((c) => c.reportEmail === ANA)).toMatchObject({ scheduled: 7, held: 6 });
  });

  it('is no one’s but a manager’s: a report gets none, from the service or the command', async () => {
    await history();
    expect(await trustDigest(h.store, DEV, NOW, 'Europe/Berlin')).toBeUndefined();
    await h.teams.say(DEV, 'digest');
    expect(h.teams.activities(DEV).at(-1)?.text).toBe(DIGEST_FOR_MANAGERS);
  });

  it('shows the manager the card on `digest`', async () => {
    await history();
    await h.teams.say(MARIA, 'digest');
    const [card] = digests(MARIA);
    expect(card).toBeDefined();
    const lines = card!.split('\n');
    expect(lines).toContain('April 2026');
    expect(lines).toContain('40% of your action items done by their due date: 2 of 5');
    expect(lines).toContain('2 done late · 1 still open');
    expect(lines).toContain('Dev Patel: 6 of 8 held');
    expect(lines).toContain('Ana Silva: 7 of 8 held');
    expect(lines).toContain('Ana Silva: 8 in Mar 2026 → 5 in Apr 2026');
    expect(card).not.toContain('Dev Patel: 7');
    expect(card).not.toMatch(/Dev Patel: \d+ in/);
  });

  it('goes to the manager once a month, with the first deep-dive agenda, and never to a report', async () => {
    await history();
    const maria = (await userByEmail(h.store, MARIA))!;
    // May's deep dives are both pairs' 1:1s of 5 May: Maria gets their agendas, and one digest with them
    for (const day of ['2026-04-30', '2026-05-04', '2026-05-05', '2026-05-11', '2026-05-12', '2026-05-19']) {
      await h.at(`${day}T06:00:00Z`);
      await h.at(`${day}T12:00:00Z`);
    }
    const sent = digests(MARIA);
    expect(sent.length).toBe(1);
    expect(sent[0]).toContain('May 2026');
    // a retry of each manager's deep-dive agenda of May, in both pairs, sends nothing more
    for (const pairId of [WITH_DEV, WITH_ANA]) {
      const may = await on(pairId, '2026-05-05');
      for (const recipientEmail of [MARIA, MARIA, pairId === WITH_DEV ? DEV : ANA]) {
        await deliver(h.bot.deps, { kind: 'agenda', pairId, occurrenceId: may.id, recipientEmail });
      }
    }
    expect(digests(MARIA)).toHaveLength(1);
    const record = await h.store.pairs.get(
      trustDigestPartition(maria.userId),
      deliveryIdOf('trustDigest', 'digest:2026-05', maria.userId),
    );
    expect(record?.doc).toMatchObject({ type: 'delivery', state: 'sent', kind: 'trustDigest' });
    // June's deep dive brings June's
    for (const day of ['2026-06-01', '2026-06-02']) {
      await h.at(`${day}T06:00:00Z`);
      await h.at(`${day}T12:00:00Z`);
    }
    expect(digests(MARIA).map((text) => text.split('\n')[1])).toEqual(['May 2026', 'June 2026']);
    // every message the reports ever received: no digest, no trust figure, nothing about the other
    for (const report of [DEV, ANA]) {
      expect(digests(report)).toEqual([]);
      for (const text of received(report)) {
        expect(text).not.toContain('Trust digest');
        expect(text).not.toContain('held');
        expect(text).not.toContain('due date:');
      }
    }
    // erasing Maria removes her digest records
    await erasePerson(
      { store: h.store, ids: h.bot.deps.ids, clock: h.bot.deps.clock, queue: h.calendar.queued.queue },
      maria,
    );
    expect((await h.store.pairs.list(trustDigestPartition(maria.userId), { limit: 10 })).items).toEqual([]);
  });
});
