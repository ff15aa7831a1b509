import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryRequest, bucketOf, jobIdOf, pairIdOf } from '../../shared/domain/index.js';
import { runScheduler } from '../../shared/services/delivery/run-scheduler.js';
import { addItem } from '../../shared/services/one-on-one/add-item.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import type { Messenger } from '../../shared/ports.js';
import { deliver } from '../../shared/services/delivery/deliver.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { DEV, MARIA, botHarness, weeklyWith } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);

async function started() {
  h = await botHarness();
  await h.install(MARIA, DEV);
}
const schedulerDeps = () => ({
  store: h.store,
  queue: h.calendar.queued.queue,
  clock: h.calendar.time.clock,
});
const cards = (email: string, kind: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send' && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: never }).content))
    .filter((text) => (kind === 'agenda' ? /^Agenda/.test(text) : text.includes(kind)));

/** Runs every waiting delivery through `deliver`, as the queue-triggered function does. */
async function drainDeliveries(deps = h.bot.deps) {
  const outcomes: string[] = [];
  for (const message of h.calendar.queued.take('deliveries')) {
    outcomes.push(await deliver(deps, DeliveryRequest.parse(message)));
  }
  return outcomes;
}

describe('the scheduler and deliveries', () => {
  it('sends each person the agenda a day before, once, however often the scheduler and the queue repeat', async () => {
    await started();
    h.calendar.time.set('2026-03-02T07:59:00Z');
    expect((await runScheduler(schedulerDeps())).due).toBe(0);
    h.calendar.time.set('2026-03-02T08:00:30Z');
    const first = await runScheduler(schedulerDeps());
    expect(first).toMatchObject({ due: 1, enqueued: 2 });
    const requests = [...h.calendar.queued.messages.map((m) => m.message)];
    expect(await drainDeliveries()).toEqual(['SENT', 'SENT']);
    expect(await runScheduler(schedulerDeps())).toMatchObject({ due: 0 });
    for (const request of requests) await h.calendar.queued.queue.send('deliveries', request); // delivered twice
    expect(await drainDeliveries()).toEqual(['ALREADY_SENT', 'ALREADY_SENT']);
    expect(cards(MARIA, 'agenda')).toHaveLength(1);
    expect(cards(DEV, 'agenda')).toHaveLength(1);
  });

  it('gives one agenda when two scheduler runs overlap', async () => {
    await started();
    h.calendar.time.set('2026-03-02T08:01:00Z');
    await Promise.all([runScheduler(schedulerDeps()), runScheduler(schedulerDeps())]);
    await Promise.all(
      (await Promise.resolve(h.calendar.queued.take('deliveries'))).map((m) =>
        deliver(h.bot.deps, DeliveryRequest.parse(m)),
      ),
    );
    expect(cards(MARIA, 'agenda')).toHaveLength(1);
    expect(cards(DEV, 'agenda')).toHaveLength(1);
  });

  it('reads only the due buckets: the reads of a tick do not grow with the jobs of other hours', async () => {
    await started();
    h.calendar.time.set('2026-03-02T08:01:00Z');
    const run = await runScheduler(schedulerDeps());
    h.calendar.time.set('2026-03-02T08:02:00Z');
    const next = await runScheduler(schedulerDeps());
    expect(run.reads).toBeLessThanOrEqual(50); // first run: a 48-hour look back
    expect(next.reads).toBe(2); // the cursor and the current bucket
  });

  it('reads the current hour only up to its first job not due yet, however many come later in it', async () => {
    /** A tick at 09:01 with `count` agenda jobs of other 1:1s due later that hour: its store reads. */
    const readsWith = async (count: number) => {
      await started();
      h.calendar.time.set('2026-03-02T08:00:30Z');
      await runScheduler(schedulerDeps()); // the cursor settles
      for (let i = 0; i < count; i++) {
        const dueAt = `2026-03-02T09:${String(5 + (i % 50)).padStart(2, '0')}:00.000Z`;
        const occurrenceId = `occurrence:other-${i}:2026-03-03T09:00:00.000Z`;
        await h.store.jobs.upsert({
          type: 'job',
          id: jobIdOf(dueAt, 'agenda', occurrenceId),
          bucket: bucketOf(dueAt),
          kind: 'agenda',
          dueAt,
          pairId: pairIdOf(MARIA, `r${i}@contoso.com`),
          occurrenceId,
          createdAt: dueAt,
          updatedAt: dueAt,
        });
      }
      h.calendar.time.set('2026-03-02T09:01:00Z');
      const run = await runScheduler(schedulerDeps());
      expect(run.due).toBe(0);
      await h.stop();
      return run.reads;
    };
    const few = await readsWith(20);
    expect(await readsWith(2000)).toBe(few);
    await started(); // for afterEach
  });

  it('sends nothing for a cancelled or declined occurrence, or for a paused pair', async () => {
    await started();
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-03T08:00:00Z');
    await h.calendar.drainSyncs();
    // no card was sent yet; one miss is no pattern
    expect(await drainDeliveries()).toEqual(['NOTHING_TO_UPDATE', 'NO_ALERT']);
    h.calendar.time.set('2026-03-02T08:01:00Z');
    await runScheduler(schedulerDeps());
    expect(await drainDeliveries()).toEqual([]); // the agenda job went with the cancellation
    const [, second] = await pairOccurrences(h.store, PAIR);
    expect(
      await deliver(h.bot.deps, {
        kind: 'agenda',
        pairId: PAIR,
        occurrenceId: second?.id ?? '',
        recipientEmail: DEV,
      }),
    ).toBe('SENT');
    // Dev declines: Google shows it on his own copy and on Maria's (his own copy decides his response)
    for (const calendar of [MARIA, DEV])
      h.calendar.fake.declineOccurrence(calendar, 'weekly-dev', '2026-03-17T08:00:00Z', DEV);
    await h.calendar.drainSyncs();
    const declined = (await pairOccurrences(h.store, PAIR)).find(
      (o) => o.originalStart === '2026-03-17T08:00:00Z',
    );
    expect(
      await deliver(h.bot.deps, {
        kind: 'agenda',
        pairId: PAIR,
        occurrenceId: declined?.id ?? '',
        recipientEmail: DEV,
      }),
    ).toBe('NOT_LIVE');
    await h.teams.say(MARIA, 'pause');
    const [, , , fourth] = await pairOccurrences(h.store, PAIR);
    expect(
      await deliver(h.bot.deps, {
        kind: 'agenda',
        pairId: PAIR,
        occurrenceId: fourth?.id ?? '',
        recipientEmail: DEV,
      }),
    ).toBe('PAUSED');
  });

  it('sends the agenda at once for an occurrence created 2 hours before it starts', async () => {
    await started();
    h.calendar.time.set('2026-03-04T10:00:00Z');
    await runScheduler(schedulerDeps()); // what was due before
    h.calendar.queued.take('deliveries');
    h.calendar.fake.upsertEvent(MARIA, {
      id: 'extra',
      summary: 'Maria / Dev extra',
      start: { dateTime: '2026-03-04T13:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-04T13:30:00+01:00', timeZone: 'Europe/Berlin' },
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=WE'],
      organizer: { email: MARIA },
      attendees: [
        { email: MARIA, responseStatus: 'accepted' },
        { email: DEV, responseStatus: 'accepted' },
      ],
    });
    await h.calendar.drainSyncs();
    h.calendar.time.advance(1);
    expect(await runScheduler(schedulerDeps())).toMatchObject({ due: 1, enqueued: 2 });
    expect(await drainDeliveries()).toEqual(['SENT', 'SENT']);
  });

  it('brings the deep-dive prompt to the report with the first agenda of the month, only to the report', async () => {
    await started();
    h.calendar.time.set('2026-03-02T08:01:00Z');
    await runScheduler(schedulerDeps());
    await drainDeliveries();
    expect(cards(DEV, 'What would make it a 10?').length).toBeGreaterThanOrEqual(1);
    expect(
      h.teams
        .activities(DEV)
        .filter((a) => a.op === 'send' && JSON.stringify(a.attachments).includes('submitDeepDive')),
    ).toHaveLength(1);
    expect(
      h.teams.activities(MARIA).filter((a) => JSON.stringify(a.attachments ?? '').includes('submitDeepDive')),
    ).toHaveLength(0);
  });

  it('alerts the manager, and only the manager, once, as soon as two 1:1s in a row are cancelled', async () => {
    await started();
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-03T08:00:00Z');
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-10T08:00:00Z');
    await h.calendar.drainSyncs();
    const requests = [...h.calendar.queued.messages.map((m) => m.message)];
    expect(requests.filter((r) => (r as { kind: string }).kind === 'cadenceCheck')).toHaveLength(2);
    // the card refreshes (no card was sent yet) and the two checks: the first finds both misses
    expect(await drainDeliveries()).toEqual(['NOTHING_TO_UPDATE', 'SENT', 'NOTHING_TO_UPDATE', 'NO_ALERT']);
    const alert = cards(MARIA, 'called off');
    expect(alert).toHaveLength(1);
    expect(alert[0]).toMatch(/Tue, 3 Mar 2026 \(still ahead\)[\s\S]*Tue, 10 Mar 2026 \(still ahead\)/);
    expect(cards(DEV, 'called off')).toHaveLength(0);
    for (const request of requests) await h.calendar.queued.queue.send('deliveries', request);
    expect((await drainDeliveries()).filter((o) => o === 'SENT')).toEqual([]);
    // the checks at their dates find the same streak: nothing more
    for (const at of ['2026-03-03T08:00:10Z', '2026-03-10T08:00:10Z']) {
      h.calendar.time.set(at);
      await runScheduler(schedulerDeps());
      expect(await drainDeliveries()).toEqual(['NO_ALERT']);
    }
    expect(cards(MARIA, 'called off')).toHaveLength(1);
  });

  it('updates the agendas already sent when Dev declines, to say who declined', async () => {
    await started();
    h.calendar.time.set('2026-03-02T08:00:30Z');
    await runScheduler(schedulerDeps());
    expect(await drainDeliveries()).toEqual(['SENT', 'SENT']);
    for (const calendar of [MARIA, DEV])
      h.calendar.fake.declineOccurrence(calendar, 'weekly-dev', '2026-03-03T08:00:00Z', DEV);
    await h.calendar.drainSyncs();
    await drainDeliveries(); // the refresh, and the cadence check (one miss: no alert)
    const updated = h.teams
      .activities(MARIA)
      .filter((a) => a.op === 'update' && a.attachments !== undefined)
      .map((a) => visibleText((a.attachments?.[0] as { content: never }).content));
    expect(updated).toEqual([
      expect.stringContaining(
        'Declined\nDev Patel declined this 1:1. Open topics and action items move to the next one.',
      ),
    ]);
  });

  it('gives no alert for a series deleted and restored, and still alerts for a real streak after', async () => {
    await started();
    h.calendar.time.set('2026-03-04T10:00:00Z');
    for (const calendar of [MARIA, DEV]) h.calendar.fake.deleteSeries(calendar, 'weekly-dev');
    await h.calendar.drainSyncs();
    for (const calendar of [MARIA, DEV]) h.calendar.fake.upsertEvent(calendar, weeklyWith(DEV)); // undone
    await h.calendar.drainSyncs();
    expect((await drainDeliveries()).filter((o) => o === 'SENT')).toEqual([]);
    expect((await pairOccurrences(h.store, PAIR)).filter((o) => o.originalStart > '2026-03-04')).not.toEqual(
      [],
    );
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-17T08:00:00Z');
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-24T08:00:00Z');
    await h.calendar.drainSyncs();
    expect((await drainDeliveries()).filter((o) => o === 'SENT')).toEqual(['SENT']);
    expect(cards(MARIA, 'called off')).toEqual([expect.stringMatching(/17 Mar 2026[\s\S]*24 Mar 2026/)]);
  });

  it('sends both people the summary 15 minutes after the end, and none for a cancelled 1:1', async () => {
    await started();
    await h.teams.say(DEV, 'add Career path');
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-10T08:00:00Z');
    await h.calendar.drainSyncs();
    h.calendar.time.set('2026-03-03T08:44:00Z');
    await runScheduler(schedulerDeps());
    h.calendar.queued.take('deliveries'); // the agenda and the cadence check
    h.calendar.time.set('2026-03-03T08:45:30Z');
    expect(await runScheduler(schedulerDeps())).toMatchObject({ due: 1, enqueued: 2 });
    expect(await drainDeliveries()).toEqual(['SENT', 'SENT']);
    expect(cards(MARIA, 'Career path').some((text) => /Summary/i.test(text))).toBe(true);
    expect(cards(DEV, 'Career path').some((text) => /Summary/i.test(text))).toBe(true);
    h.calendar.time.set('2026-03-10T08:45:30Z');
    await runScheduler(schedulerDeps());
    expect((await drainDeliveries()).filter((o) => o === 'SENT')).toEqual([]);
  });

  it('suggests one question per 1:1, the same to both, never the same twice in a row', async () => {
    await started();
    const occurrences = (await pairOccurrences(h.store, PAIR)).slice(0, 5);
    const questions: string[][] = [];
    for (const occurrence of occurrences) {
      for (const email of [MARIA, DEV]) {
        await deliver(h.bot.deps, {
          kind: 'agenda',
          pairId: PAIR,
          occurrenceId: occurrence.id,
          recipientEmail: email,
        });
      }
      questions.push(
        [MARIA, DEV].map((email) => {
          const text = cards(email, 'agenda').at(-1) ?? '';
          return /Suggested question\n(.*)/.exec(text)?.[1] ?? '';
        }),
      );
    }
    for (const [maria, dev] of questions) expect(maria).toBe(dev);
    const asked = questions.map(([q]) => q);
    expect(asked.every((q) => q !== '')).toBe(true);
    asked.slice(1).forEach((q, i) => expect(q).not.toBe(asked[i]));
  });

  it('makes the first 1:1 of each month (manager time) the deep dive, across the month boundary', async () => {
    await started();
    const occurrences = await pairOccurrences(h.store, PAIR);
    const deepDives: string[] = [];
    for (const occurrence of occurrences) {
      if (occurrence.start > '2026-04-15') break;
      await deliver(h.bot.deps, {
        kind: 'agenda',
        pairId: PAIR,
        occurrenceId: occurrence.id,
        recipientEmail: DEV,
      });
      const prompts = h.teams
        .activities(DEV)
        .filter((a) => a.op === 'send' && JSON.stringify(a.attachments ?? '').includes('submitDeepDive'));
      if (prompts.length > deepDives.length) deepDives.push(occurrence.start);
    }
    expect(deepDives).toEqual(['2026-03-03T08:00:00Z', '2026-04-07T07:00:00Z']);
  });

  it('keeps all of 50 topics added at the same moment', async () => {
    await started();
    const dev = await userByEmail(h.store, DEV);
    if (dev === undefined) throw new Error('Dev is not installed');
    const actor = { email: dev.email, name: dev.name, calendarId: dev.calendarId };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        addItem(h.bot.deps, actor, { requestId: `burst-${n}`, item: { type: 'topic', text: `Topic ${n}` } }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await h.store.pairs.list(PAIR, { type: 'topic', limit: 100 })).items).toHaveLength(50);
  });

  it('updates the agenda cards in place when the 1:1 moves, then when it is cancelled', async () => {
    await started();
    h.calendar.time.set('2026-03-02T08:01:00Z');
    await runScheduler(schedulerDeps());
    await drainDeliveries();
    h.calendar.queued.take('deliveries');
    // Maria's agenda, not the trust digest that came after it (the month's deep dive brings one)
    const agendaId = h.teams
      .activities(MARIA)
      .filter((a) => a.op === 'send' && a.attachments !== undefined)
      .findLast((a) =>
        visibleText((a.attachments?.[0] as { content: never }).content).startsWith('Agenda'),
      )?.id;
    h.calendar.fake.moveOccurrence(
      MARIA,
      'weekly-dev',
      '2026-03-03T08:00:00Z',
      '2026-03-03T13:00:00Z',
      '2026-03-03T13:30:00Z',
    );
    await h.calendar.drainSyncs();
    expect(await drainDeliveries()).toEqual(['SENT']);
    const moved = h.teams.activities(MARIA).filter((a) => a.op === 'update' && a.id === agendaId);
    expect(moved.length).toBeGreaterThanOrEqual(1);
    expect(visibleText((moved.at(-1)?.attachments?.[0] as { content: never }).content)).toMatch(
      /14:00–14:30/,
    );
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-03T08:00:00Z');
    await h.calendar.drainSyncs();
    await drainDeliveries();
    for (const email of [MARIA, DEV]) {
      const last = h.teams
        .activities(email)
        .filter((a) => a.op === 'update')
        .at(-1);
      expect(visibleText((last?.attachments?.[0] as { content: never }).content)).toMatch(/cancel/i);
    }
  });

  it('sends the agenda of the 1:1 after the DST change a day before its new UTC time (Berlin, 29 March 2026)', async () => {
    await started();
    h.calendar.time.set('2026-03-29T12:00:00Z');
    await h.calendar.drainSyncs();
    await runScheduler(schedulerDeps()); // everything due before
    h.calendar.queued.take('deliveries');
    h.calendar.time.set('2026-03-30T06:59:00Z');
    expect((await runScheduler(schedulerDeps())).due).toBe(0);
    h.calendar.time.set('2026-03-30T07:00:30Z'); // 09:00 Berlin is 07:00Z in summer time
    expect(await runScheduler(schedulerDeps())).toMatchObject({ due: 1, enqueued: 2 });
    expect(await drainDeliveries()).toEqual(['SENT', 'SENT']);
    expect(cards(MARIA, 'agenda').at(-1)).toMatch(/Tue, 31 Mar 2026, 09:00–09:30 \(Europe\/Berlin\)/);
  });

  it('after a crash between the send and its write: no second send while the first may be in flight, and no loss', async () => {
    await started();
    h.calendar.time.set('2026-03-02T08:01:00Z');
    await runScheduler(schedulerDeps());
    const requests = h.calendar.queued.take('deliveries').map((m) => DeliveryRequest.parse(m));
    let crash = true;
    const messenger: Messenger = {
      ...h.bot.deps.messenger,
      send: async (to, message) => {
        const sent = await h.bot.deps.messenger.send(to, message);
        if (crash) throw new Error('the process dies after the send, before the write');
        return sent;
      },
    };
    const dying = { ...h.bot.deps, messenger };
    for (const request of requests) await expect(deliver(dying, request)).rejects.toThrow(/dies/);
    crash = false;
    for (const request of requests) expect(await deliver(h.bot.deps, request)).toBe('IN_FLIGHT');
    expect(cards(MARIA, 'agenda')).toHaveLength(1);
    h.calendar.time.advance(3); // the dead attempt's `sending` is stale now
    for (const request of requests) expect(await deliver(h.bot.deps, request)).toBe('SENT');
    expect(cards(MARIA, 'agenda').length).toBeGreaterThanOrEqual(1);
  });
});
