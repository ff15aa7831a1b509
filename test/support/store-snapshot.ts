import { emailAliasKey } from '../../shared/domain/index.js';
import type { Store } from '../../shared/ports.js';

interface Listable {
  list(
    key: string,
    options: { limit: number; continuation?: string },
  ): Promise<{ items: readonly { doc: { id: string }; etag: string }[]; continuation?: string }>;
}

async function partition(collection: Listable, key: string): Promise<{ id: string; etag: string }[]> {
  const found: { id: string; etag: string }[] = [];
  let continuation: string | undefined;
  do {
    const page = await collection.list(key, { limit: 1000, ...(continuation ? { continuation } : {}) });
    found.push(...page.items.map((item) => ({ id: item.doc.id, etag: item.etag })));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return found;
}

/**
 * Every document Steady keeps about these people, as `container/partition/id@etag` lines: their
 * users and aliases, the pairs linked to them (every document of each), those pairs' job buckets,
 * and every calendar. Etags change on every write, so two equal snapshots mean nothing was written,
 * not even the same value again. `userIds` adds user partitions to watch (a forged sender's).
 */
export async function storeSnapshot(
  store: Store,
  emails: readonly string[],
  userIds: readonly string[] = [],
): Promise<string[]> {
  const lines: string[] = [];
  const users = new Set(userIds);
  const pairs = new Set<string>();
  for (const email of emails) {
    const key = emailAliasKey(email);
    for (const item of (await store.users.list(key, { limit: 1000 })).items) {
      if (item.doc.type === 'emailAlias') users.add(item.doc.targetUserId);
      if (item.doc.type === 'pairLink') pairs.add(item.doc.pairId);
    }
    users.add(key);
  }
  for (const key of users)
    for (const doc of await partition(store.users, key)) lines.push(`users/${key}/${doc.id}@${doc.etag}`);
  const buckets = new Set<string>();
  for (const pairId of pairs) {
    for (const doc of await partition(store.pairs, pairId))
      lines.push(`pairs/${pairId}/${doc.id}@${doc.etag}`);
    for (const item of (await store.pairs.list(pairId, { type: 'occurrence', limit: 1000 })).items)
      if (item.doc.type === 'occurrence') for (const job of item.doc.jobs) buckets.add(job.bucket);
  }
  for (const bucket of buckets)
    for (const doc of await partition(store.jobs, bucket)) lines.push(`jobs/${bucket}/${doc.id}@${doc.etag}`);
  let continuation: string | undefined;
  do {
    const page = await store.calendars.scan({ limit: 1000, ...(continuation ? { continuation } : {}) });
    for (const item of page.items) lines.push(`calendars/${item.doc.calendarId}/${item.doc.id}@${item.etag}`);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return lines.sort();
}

/** How many documents a pair's partition holds. */
export async function pairDocCount(store: Store, pairId: string): Promise<number> {
  return (await partition(store.pairs, pairId)).length;
}
