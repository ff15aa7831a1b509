import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, Stored, Store } from '../../shared/ports.js';
import { calendar, job, note, pair, pairId, topic, user } from '../fixtures/docs.js';
import { cosmosAdapter, sqliteAdapter } from './store-adapters.js';

/** Collects every page of a listing, checking that no page is larger than asked. */
async function listAll<T extends { id: string; type: string }>(
  collection: Collection<T>,
  partitionKey: string,
  options: { type?: T['type']; limit: number },
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let continuation: string | undefined;
  let pages = 0;
  do {
    const page = await collection.list(partitionKey, {
      ...options,
      ...(continuation ? { continuation } : {}),
    });
    expect(page.items.length).toBeLessThanOrEqual(options.limit);
    ids.push(...page.items.map((item: Stored<T>) => item.doc.id));
    continuation = page.continuation;
    pages += 1;
  } while (continuation !== undefined && pages < 1000);
  return { ids, pages };
}

describe.each([sqliteAdapter(), cosmosAdapter()])('Store contract: $name', (adapter) => {
  let store: Store;
  beforeAll(() => adapter.start());
  afterAll(() => adapter.stop());
  beforeEach(async () => {
    store = await adapter.open();
  });
  afterEach(() => store.close());

  it('creates a document and reads it back with an etag', async () => {
    const created = await store.pairs.create(topic(1, 1));
    expect(created.ok).toBe(true);
    const read = await store.pairs.get(pairId(1), topic(1, 1).id);
    expect(read?.doc).toEqual(topic(1, 1));
    expect(read?.etag).toEqual(created.ok ? created.value.etag : 'none');
  });

  it('returns undefined for a document that is not there', async () => {
    expect(await store.pairs.get(pairId(1), 'nothing')).toBeUndefined();
  });

  it('refuses to create a document twice and keeps the first', async () => {
    await store.pairs.create(topic(1, 1, { text: 'first' }));
    const again = await store.pairs.create(topic(1, 1, { text: 'second' }));
    expect(again).toEqual({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.pairs.get(pairId(1), topic(1, 1).id))?.doc).toMatchObject({ text: 'first' });
  });

  it('replaces on the current etag and gives a new one', async () => {
    const created = await store.pairs.create(topic(1, 1));
    if (!created.ok) throw new Error('create failed');
    const replaced = await store.pairs.replace(topic(1, 1, { done: true }), created.value.etag);
    if (!replaced.ok) throw new Error('replace failed');
    expect(replaced.value.etag).not.toEqual(created.value.etag);
    expect((await store.pairs.get(pairId(1), topic(1, 1).id))?.doc).toMatchObject({ done: true });
  });

  it('answers a stale etag with a conflict and never overwrites', async () => {
    const created = await store.pairs.create(topic(1, 1, { text: 'original' }));
    if (!created.ok) throw new Error('create failed');
    await store.pairs.replace(topic(1, 1, { text: 'first writer' }), created.value.etag);
    const late = await store.pairs.replace(topic(1, 1, { text: 'second writer' }), created.value.etag);
    expect(late).toEqual({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.pairs.get(pairId(1), topic(1, 1).id))?.doc).toMatchObject({ text: 'first writer' });
  });

  it('lets exactly one of two concurrent conditional writes win', async () => {
    const created = await store.jobs.create(job('2026-03-02T08:00:00.000Z', 1));
    if (!created.ok) throw new Error('create failed');
    const results = await Promise.all(
      ['summary', 'deepDive'].map((kind) =>
        store.jobs.replace(
          job('2026-03-02T08:00:00.000Z', 1, { kind: kind as 'summary' }),
          created.value.etag,
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: { code: 'CONFLICT' } }]);
  });

  it('tryReplace writes as replace does: the current etag wins, a stale one is a conflict, a missing one not found', async () => {
    const created = await store.pairs.create(topic(1, 1, { text: 'original' }));
    if (!created.ok) throw new Error('create failed');
    const replaced = await store.pairs.tryReplace(topic(1, 1, { text: 'first writer' }), created.value.etag);
    if (!replaced.ok) throw new Error('tryReplace failed');
    expect(replaced.value.etag).not.toEqual(created.value.etag);
    const late = await store.pairs.tryReplace(topic(1, 1, { text: 'second writer' }), created.value.etag);
    expect(late).toEqual({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.pairs.get(pairId(1), topic(1, 1).id))?.doc).toMatchObject({ text: 'first writer' });
    expect(await store.pairs.tryReplace(topic(1, 2), 'any-etag')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('answers a replace of a missing document with not found', async () => {
    expect(await store.pairs.replace(topic(1, 1), 'any-etag')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await store.pairs.get(pairId(1), topic(1, 1).id)).toBeUndefined();
  });

  it('upserts: creates, then overwrites with a new etag', async () => {
    const first = await store.users.upsert(user(1));
    const second = await store.users.upsert(user(1, { name: 'Renamed' }));
    expect(second.etag).not.toEqual(first.etag);
    expect((await store.users.get(user(1).userId, user(1).id))?.doc).toMatchObject({ name: 'Renamed' });
  });

  it('deletes only on the current etag, then reports not found', async () => {
    const created = await store.calendars.create(calendar('maria@contoso.com'));
    if (!created.ok) throw new Error('create failed');
    await store.calendars.upsert(calendar('maria@contoso.com', { syncToken: 'token-2' }));
    expect(
      await store.calendars.delete('maria@contoso.com', 'maria@contoso.com', created.value.etag),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await store.calendars.get('maria@contoso.com', 'maria@contoso.com')).toBeDefined();
    expect(await store.calendars.delete('maria@contoso.com', 'maria@contoso.com')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await store.calendars.get('maria@contoso.com', 'maria@contoso.com')).toBeUndefined();
    expect(await store.calendars.delete('maria@contoso.com', 'maria@contoso.com')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it("pages through a pair's documents of one type with continuations, each once, in id order", async () => {
    await store.pairs.create(pair(1));
    for (let n = 0; n < 23; n++) await store.pairs.create(topic(1, n));
    for (let n = 0; n < 4; n++) await store.pairs.create(note(1, n));
    for (let n = 0; n < 5; n++) await store.pairs.create(topic(2, n));

    const topics = await listAll(store.pairs, pairId(1), { type: 'topic', limit: 5 });
    const expected = Array.from({ length: 23 }, (_, n) => topic(1, n).id);
    expect(topics.ids).toEqual(expected);
    expect(topics.pages).toBeGreaterThanOrEqual(5);

    const everything = await listAll(store.pairs, pairId(1), { limit: 7 });
    expect(everything.ids).toHaveLength(1 + 23 + 4);
    expect(new Set(everything.ids).size).toBe(everything.ids.length);
  });

  it('pages through the jobs of one bucket and none of another', async () => {
    for (let n = 0; n < 12; n++) await store.jobs.create(job('2026-03-02T08:15:00.000Z', n));
    for (let n = 12; n < 15; n++) await store.jobs.create(job('2026-03-02T09:15:00.000Z', n));
    const due = await listAll(store.jobs, '2026-03-02T08', { limit: 5 });
    expect(due.ids).toEqual(Array.from({ length: 12 }, (_, n) => job('2026-03-02T08:15:00.000Z', n).id));
    expect(due.pages).toBeGreaterThanOrEqual(3);
    expect((await listAll(store.jobs, '2026-03-02T10', { limit: 5 })).ids).toEqual([]);
  });

  it('scans every watched calendar across partitions, a page at a time, each once', async () => {
    const emails = Array.from({ length: 11 }, (_, n) => `person${n}@contoso.com`);
    for (const email of emails) await store.calendars.create(calendar(email));
    const seen: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page = await store.calendars.scan({ limit: 4, ...(continuation ? { continuation } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item) => item.doc.calendarId));
      continuation = page.continuation;
      pages += 1;
    } while (continuation !== undefined && pages < 100);
    expect(seen.sort()).toEqual([...emails].sort());
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("never returns one pair's data for another pair", async () => {
    await store.pairs.create(topic(1, 1, { text: 'for pair one only' }));
    await store.pairs.create(note(1, 2, { text: 'private to pair one' }));
    await store.pairs.create(topic(2, 1, { text: 'for pair two only' }));

    expect(await store.pairs.get(pairId(2), note(1, 2).id)).toBeUndefined();
    const two = await store.pairs.list(pairId(2), { limit: 100 });
    expect(two.items.map((item) => item.doc)).toEqual([topic(2, 1, { text: 'for pair two only' })]);
    expect((await store.pairs.get(pairId(1), topic(1, 1).id))?.doc).toMatchObject({
      text: 'for pair one only',
    });
  });

  it('stores nothing for a document that breaks its schema', async () => {
    const bad = { ...topic(1, 1), text: '' };
    await expect(store.pairs.create(bad)).rejects.toThrow(/text/);
    await expect(store.pairs.upsert({ ...topic(1, 2), authorEmail: 'not an email' })).rejects.toThrow(
      /email/,
    );
    expect((await store.pairs.list(pairId(1))).items).toEqual([]);
  });
});
