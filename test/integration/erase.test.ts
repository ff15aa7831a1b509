import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCryptoIds } from '../../shared/adapters/crypto-ids.js';
import { LOCAL_DIGEST_KEY } from '../../shared/config.js';
import type { IdGen } from '../../shared/ports.js';
import {
  addMinutes,
  CLAIM_REFUSALS,
  pairIdOf,
  userIdOf,
  type Occurrence,
} from '../../shared/domain/index.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { processSyncRequest } from '../../shared/services/calendar/process-sync-request.js';
import { erasePerson } from '../../shared/services/erase-person.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { refuse, userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness, weeklyWith } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const DEV_PAIR = pairIdOf(MARIA, DEV);
const ANA_PAIR = pairIdOf(MARIA, ANA);
const replyText = (body: unknown) => {
  const value = (body as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : visibleText(value);
};
const lastSent = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .at(-1);

/** Maria manages Dev and Ana; Dev's 1:1 has topics, notes (one private to Maria), an action item and a deep-dive answer. */
async function busyPair(options: { teamsOnSimulatedClock?: boolean; ids?: IdGen } = {}) {
  h = await botHarness({ reports: [DEV, ANA], ...options });
  await h.install(MARIA, DEV, ANA);
  await h.teams.say(DEV, 'add Career path');
  await h.teams.say(MARIA, 'private Dev seemed tired');
  await h.teams.say(DEV, 'note Wants to lead a project');
  await h.teams.say(MARIA, 'action @dev Send the design doc by 2026-03-20');
  await h.teams.say(ANA, 'add On-call rotation');
  const [first] = await pairOccurrences(h.store, DEV_PAIR);
  if (first === undefined) throw new Error('no 1:1');
  await h.teams.invoke(DEV, {
    verb: 'submitDeepDive',
    data: { pairId: DEV_PAIR, occurrenceId: first.id, happiness: '6', share: 'false' },
  });
  return first;
}

/**
 * Every document Steady holds that could be about Dev, read through the Store port: the pairs'
 * partitions, both people's user partitions, every calendar, and every hourly job bucket for three
 * months. What Steady writes about a person always carries their email or their Teams user id.
 */
/** Drops a watched calendar's sync token and queues a safety sync: its next sync reads it all again. */
async function queueFullSync(calendarId: string, notifiedAt = h.calendar.time.clock.now().toISOString()) {
  const stored = await h.store.calendars.get(calendarId, calendarId);
  if (stored === undefined) throw new Error(`${calendarId} is not watched`);
  const { syncToken: _forgotten, ...full } = stored.doc;
  await h.store.calendars.replace(full, stored.etag);
  await h.calendar.deps.queue.send('calendar-sync', { calendarId, reason: 'safety', notifiedAt });
}

async function everythingMentioning(needles: string[], occurrences: Occurrence[]): Promise<string[]> {
  const found: string[] = [];
  const check = (where: string, doc: unknown) => {
    const json = JSON.stringify(doc);
    if (needles.some((needle) => json.includes(needle))) found.push(`${where}: ${json.slice(0, 120)}`);
  };
  for (const pairId of [DEV_PAIR, ANA_PAIR])
    for (const { doc } of (await h.store.pairs.list(pairId, { limit: 1000 })).items) check('pairs', doc);
  const devId = userIdOf('tenant-contoso', needles[1] ?? '');
  for (const key of [`email:${DEV}`, `email:${MARIA}`, `email:${ANA}`, devId, CLAIM_REFUSALS])
    for (const { doc } of (await h.store.users.list(key, { limit: 1000 })).items) check('users', doc);
  for (const { doc } of (await h.store.calendars.scan({ limit: 1000 })).items) check('calendars', doc);
  const buckets = new Set(occurrences.flatMap((o) => o.jobs.map((j) => j.bucket)));
  for (let t = '2026-03-01T00:00:00.000Z', i = 0; i < 24 * 92; i++, t = addMinutes(t, 60))
    buckets.add(t.slice(0, 13));
  for (const bucket of buckets)
    for (const { doc } of (await h.store.jobs.list(bucket, { limit: 1000 })).items) check('jobs', doc);
  return found;
}

describe('delete my data', () => {
  it('asks first, listing the 1:1s that would go; asking changes nothing', async () => {
    await busyPair();
    const before = (await h.store.pairs.list(DEV_PAIR, { limit: 1000 })).items.length;
    await h.teams.say(DEV, 'delete my data');
    const card = lastSent(DEV)?.attachments?.[0] as { content: never };
    const text = visibleText(card.content);
    expect(text).toContain('Delete everything Steady keeps about you?');
    expect(text).toContain('• Your 1:1s with Maria Lopez: every agenda, topic, note (theirs too)');
    expect(JSON.stringify(card.content)).toContain('"verb":"eraseMe"');
    expect((await h.store.pairs.list(DEV_PAIR, { limit: 1000 })).items).toHaveLength(before);
    // "delete" followed by anything else is not this command
    await h.teams.say(DEV, 'delete 3');
    expect(JSON.stringify(lastSent(DEV))).toContain('help');
    expect((await h.store.pairs.list(DEV_PAIR, { limit: 1000 })).items).toHaveLength(before);
  });

  it('removes everything of that person from every container, tells the other person, and leaves the rest', async () => {
    await busyPair();
    const occurrences = await pairOccurrences(h.store, DEV_PAIR);
    expect(occurrences.flatMap((o) => o.jobs).length).toBeGreaterThan(0);
    const dev = await userByEmail(h.store, DEV);
    if (dev === undefined) throw new Error('Dev has not installed Steady');
    const needles = [DEV, dev.aadObjectId, dev.userId];
    // another identity once claimed Dev's address, and was refused
    await refuse(
      h.store,
      { ...dev, userId: 'tenant-fabrikam:aad-mallory' },
      {
        code: 'ADDRESS_TAKEN',
        address: DEV,
        holderUserId: dev.userId,
      },
    );
    expect((await everythingMentioning(needles, occurrences)).length).toBeGreaterThan(5);

    const reply = await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase' } });
    expect(replyText(reply.body)).toMatch(/^Deleted: \d+ records, including your 1:1s with Maria Lopez\./);
    await h.calendar.drainSyncs(); // the `stop` of Dev's own calendar
    expect(await everythingMentioning(needles, occurrences)).toEqual([]);
    expect(h.calendar.fake.channels().filter((c) => c.calendarId === DEV && !c.stopped)).toEqual([]);

    expect(lastSent(MARIA)?.text).toBe(
      'Dev Patel asked Steady to delete their data, so the records of your 1:1s with them (agendas, topics, notes, action items) are gone.',
    );
    // Maria and Ana's 1:1 is untouched
    const anaTopics = (await h.store.pairs.list(ANA_PAIR, { type: 'topic' })).items.map((i) => i.doc.text);
    expect(anaTopics).toEqual(['On-call rotation']);
    expect(await userByEmail(h.store, MARIA)).toBeDefined();
  });

  it("keeps the 1:1 forgotten when the other person's calendar syncs again, until the person writes again", async () => {
    await busyPair();
    await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase' } });
    await h.calendar.drainSyncs();
    // a week on, Maria's calendar is read again in full (a safety sync) and the 1:1 is still there
    h.calendar.time.set('2026-03-08T12:00:00Z');
    await maintainCalendars(h.calendar.deps);
    await queueFullSync(MARIA, '2026-03-08T12:00:00.000Z');
    await h.calendar.drainSyncs();
    expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();
    expect(
      Object.values((await h.store.calendars.get(MARIA, MARIA))?.doc.tracked ?? {}).map((t) => t.pairId),
    ).toEqual([ANA_PAIR]);

    // Dev writes to Steady again: he is told he is a user again, and his 1:1 with Maria is found again
    await h.teams.say(DEV, 'hello');
    expect(
      h.teams.activities(DEV).some((a) => a.text?.startsWith('Welcome back. You had asked Steady to delete')),
    ).toBe(true);
    await h.calendar.drainSyncs();
    expect((await h.store.pairs.get(DEV_PAIR, 'pair'))?.doc).toMatchObject({ reportEmail: DEV });
  });

  it('an old card pressed, or a repeated install event, brings no one back; an install after removing the app does, and says so', async () => {
    await busyPair();
    const [topic] = (await h.store.pairs.list(DEV_PAIR, { type: 'topic' })).items;
    if (topic === undefined) throw new Error('no topic');
    await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase' } });
    await h.calendar.drainSyncs();
    const fullSync = async () => {
      for (const calendarId of [MARIA, DEV]) {
        const stored = await h.store.calendars.get(calendarId, calendarId);
        if (stored !== undefined) {
          const { syncToken: _forgotten, ...full } = stored.doc;
          await h.store.calendars.replace(full, stored.etag);
        }
        await h.calendar.deps.queue.send('calendar-sync', {
          calendarId,
          reason: 'safety',
          notifiedAt: h.calendar.time.clock.now().toISOString(),
        });
      }
      await h.calendar.drainSyncs();
    };
    const gone = async () => {
      expect(await userByEmail(h.store, DEV)).toBeUndefined();
      expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();
      expect(h.calendar.fake.channels().filter((c) => c.calendarId === DEV && !c.stopped)).toEqual([]);
    };

    // the "Mark covered" of an agenda card sent before the erasure
    const press = await h.teams.invoke(DEV, {
      verb: 'markCovered',
      data: { pairId: DEV_PAIR, topicId: topic.doc.id },
    });
    expect(replyText(press.body)).toBe(
      'You asked Steady to delete your data, so this card no longer works. Nothing was changed. To use Steady again, write me any message.',
    );
    await fullSync();
    await gone();

    // Teams sends the install event again (a reinstall, an admin's setup policy)
    await h.teams.install(DEV);
    expect(lastSent(DEV)?.text).toMatch(/^You asked Steady to delete your data: Steady keeps nothing/);
    await fullSync();
    await gone();

    // Dev removes the app and adds it again: an install he made, so he is told and his 1:1 is found again
    await h.teams.uninstall(DEV);
    await fullSync();
    await gone();
    await h.teams.install(DEV);
    const sent = h.teams.activities(DEV).filter((a) => a.op === 'send');
    expect(sent.at(-2)?.text).toMatch(/^Welcome back. You had asked Steady to delete your data/);
    expect(JSON.stringify(sent.at(-1))).toContain('welcome to Steady');
    await h.calendar.drainSyncs();
    expect((await h.store.pairs.get(DEV_PAIR, 'pair'))?.doc).toMatchObject({ reportEmail: DEV });
  });

  it('a message from before the erasure, delivered again by Teams, brings no one back; a new one does', async () => {
    await busyPair({ teamsOnSimulatedClock: true });
    h.calendar.time.advance(1);
    await h.teams.say(DEV, 'delete my data');
    await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase' } });
    await h.calendar.drainSyncs();
    // Teams sends "delete my data" again (the bot had taken over 15 s to answer it), same id and timestamp
    await h.teams.redeliver(DEV);
    expect(lastSent(DEV)?.text).toBe(
      'You asked Steady to delete your data after this message was sent, so it changes nothing. To use Steady again, write me a new message.',
    );
    expect(h.teams.activities(DEV).some((a) => a.text?.startsWith('Welcome back'))).toBe(false);
    await queueFullSync(MARIA);
    await h.calendar.drainSyncs();
    expect(await userByEmail(h.store, DEV)).toBeUndefined();
    expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();

    // a message he writes afterwards is him asking
    h.calendar.time.advance(1);
    await h.teams.say(DEV, 'hello');
    expect(h.teams.activities(DEV).some((a) => a.text?.startsWith('Welcome back'))).toBe(true);
    await h.calendar.drainSyncs();
    expect((await h.store.pairs.get(DEV_PAIR, 'pair'))?.doc).toMatchObject({ reportEmail: DEV });
  });

  it('a manager who erased their data is not followed again when a report’s calendar syncs in full', async () => {
    await busyPair();
    await h.teams.invoke(MARIA, { verb: 'eraseMe', data: { confirm: 'erase' } });
    await h.calendar.drainSyncs();
    h.calendar.time.set('2026-03-08T12:00:00Z');
    for (const report of [DEV, ANA]) await queueFullSync(report, '2026-03-08T12:00:00.000Z');
    await h.calendar.drainSyncs();
    expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();
    expect(await h.store.pairs.get(ANA_PAIR, 'pair')).toBeUndefined();
    for (const report of [DEV, ANA])
      expect(JSON.stringify((await h.store.calendars.get(report, report))?.doc.tracked)).not.toContain(MARIA);
  });

  it('keys the erasure record with the keyed digest, and still honours one kept under plain SHA-256', async () => {
    await busyPair();
    const keyed = `erased:${createHmac('sha256', LOCAL_DIGEST_KEY).update(DEV).digest('hex')}`;
    const plain = `erased:${createHash('sha256').update(DEV).digest('hex')}`;
    await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase' } });
    await h.calendar.drainSyncs();
    expect(await h.store.users.get(keyed, 'erasure')).toBeDefined();
    expect(await h.store.users.get(plain, 'erasure')).toBeUndefined(); // anyone can hash a staff list

    // the record an older Steady wrote (plain SHA-256) still keeps Dev's 1:1 unfollowed
    const record = (await h.store.users.get(keyed, 'erasure'))!.doc;
    if (record.type !== 'erasure') throw new Error(`expected an erasure record, found ${record.type}`);
    await h.store.users.delete(keyed, 'erasure');
    await h.store.users.upsert({ ...record, userId: plain });
    await queueFullSync(MARIA);
    await h.calendar.drainSyncs();
    expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();
    const press = await h.teams.invoke(DEV, {
      verb: 'markDone',
      data: { pairId: DEV_PAIR, actionItemId: 'x' },
    });
    expect(replyText(press.body)).toMatch(/^You asked Steady to delete your data/);

    // writing again removes it, whichever digest it was kept under
    await h.teams.say(DEV, 'hello');
    expect(await h.store.users.get(plain, 'erasure')).toBeUndefined();
    expect(await h.store.users.get(keyed, 'erasure')).toBeUndefined();
  });

  it('a new STEADY_DIGEST_KEY with the old one in STEADY_OLD_DIGEST_KEYS forgets no erasure', async () => {
    const [oldKey, newKey] = ['the-key-before-rotation', 'the-key-after-rotation'];
    let keys = createCryptoIds(oldKey);
    // the deployment's ids: the same store and code, the keys as the configuration gives them
    const ids: IdGen = {
      newId: () => keys.newId(),
      newSecret: () => keys.newSecret(),
      digest: (text) => keys.digest(text),
      legacyDigest: (text) => keys.legacyDigest(text),
      get oldDigests() {
        return keys.oldDigests;
      },
    };
    await busyPair({ ids });
    const [topic] = (await h.store.pairs.list(DEV_PAIR, { type: 'topic' })).items;
    await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase' } });
    await h.calendar.drainSyncs();
    const underOldKey = `erased:${createHmac('sha256', oldKey).update(DEV).digest('hex')}`;
    expect(await h.store.users.get(underOldKey, 'erasure')).toBeDefined();

    // the key is rotated: STEADY_DIGEST_KEY the new one, STEADY_OLD_DIGEST_KEYS the old one
    keys = createCryptoIds(newKey, [oldKey]);
    await queueFullSync(MARIA);
    await h.calendar.drainSyncs();
    expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();
    const press = await h.teams.invoke(DEV, {
      verb: 'markCovered',
      data: { pairId: DEV_PAIR, topicId: topic?.doc.id ?? '' },
    });
    expect(replyText(press.body)).toMatch(
      /^You asked Steady to delete your data, so this card no longer works/,
    );
    expect(await userByEmail(h.store, DEV)).toBeUndefined();

    // writing again brings him back and removes the record kept under the old key
    h.calendar.time.advance(1);
    await h.teams.say(DEV, 'hello');
    expect(await h.store.users.get(underOldKey, 'erasure')).toBeUndefined();
    await h.calendar.drainSyncs();
    expect((await h.store.pairs.get(DEV_PAIR, 'pair'))?.doc).toMatchObject({ reportEmail: DEV });
  });

  it('is the presser alone who is erased, whatever the card data says', async () => {
    await busyPair();
    const forged = await h.teams.invoke(DEV, { verb: 'eraseMe', data: { confirm: 'erase', email: MARIA } });
    expect(replyText(forged.body)).toMatch(/^Deleted:/);
    expect(await userByEmail(h.store, MARIA)).toBeDefined();
    expect(await h.store.pairs.get(ANA_PAIR, 'pair')).toBeDefined();
    const unconfirmed = await h.teams.invoke(DEV, { verb: 'eraseMe', data: {} });
    expect(replyText(unconfirmed.body)).toMatch(/Nothing was changed/);
  });

  it('a sync of the manager’s calendar running while Dev is erased does not write Dev’s 1:1 back into it', async () => {
    h = await botHarness({ reports: [DEV, ANA] });
    await h.install(MARIA, DEV, ANA);
    const dev = (await userByEmail(h.store, DEV))!;
    const tracked = async () =>
      JSON.stringify((await h.store.calendars.get(MARIA, MARIA))?.doc.tracked ?? {});
    expect(await tracked()).toContain(DEV);
    // Maria's calendar changes; its sync reads the change and, while it runs, Dev erases his data.
    h.calendar.fake.upsertEvent(MARIA, { ...weeklyWith(ANA), summary: 'Maria / Ana, renamed' });
    h.calendar.fake.upsertEvent(MARIA, { ...weeklyWith(DEV), summary: 'Maria / Dev, renamed' });
    let erased = false;
    const calendar = h.calendar.deps.calendar;
    const racing = {
      ...h.calendar.deps,
      calendar: {
        ...calendar,
        listChanges: async (...args: Parameters<typeof calendar.listChanges>) => {
          const page = await calendar.listChanges(...args);
          if (!erased) {
            erased = true;
            await erasePerson(h.bot.deps, dev);
          }
          return page;
        },
      },
    };
    const outcome = await processSyncRequest(racing, {
      calendarId: MARIA,
      reason: 'push',
      notifiedAt: h.calendar.time.clock.now().toISOString(),
    });
    expect(outcome.status).toBe('SYNCED');
    expect(erased).toBe(true);
    expect(await tracked()).not.toContain(DEV); // the sync did not put the erased pair back
    expect(await tracked()).toContain(ANA); // and kept what it did for Ana's
    expect(await h.store.pairs.get(DEV_PAIR, 'pair')).toBeUndefined();
    expect(await h.store.pairs.list(DEV_PAIR, { limit: 10 })).toMatchObject({ items: [] }); // no occurrence either
  });
});
