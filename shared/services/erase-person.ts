import { CLAIM_REFUSALS, emailAliasKey, erasedAppKey, erasureKey, utc, type User } from '../domain/index.js';
import type { Clock, IdGen, Queue, Store } from '../ports.js';
import { trustDigestPartition } from './one-on-one/trust-digest.js';
import { allDocs } from './pair-docs.js';

/** What an erasure removed, counted for the person's confirmation. */
export interface Erased {
  /** The people whose 1:1s with this person were deleted (they are told). */
  readonly others: readonly string[];
  readonly pairs: number;
  readonly documents: number;
  readonly jobs: number;
  readonly calendars: number;
}

type Deps = { readonly store: Store; readonly ids: IdGen; readonly clock: Clock; readonly queue: Queue };

/**
 * Deletes everything Steady keeps about one person, from every container: each 1:1 pair they are in
 * with all its documents (a pair's data belongs to both people and cannot go on without one of them),
 * the jobs of its occurrences, their links and profile, their calendar's tracked series (the calendar
 * itself stops being watched through the `calendar-sync` queue, which holds the Google client), and the
 * other calendars' references to those pairs. An erasure record keyed by a digest of the email (never
 * the email) is written first, so a sync running meanwhile does not bring the pairs back. Safe to run
 * again: a second run finds nothing and removes nothing.
 */
export async function erasePerson(deps: Deps, user: Pick<User, 'userId' | 'email' | 'calendarId'>) {
  const email = user.email.toLowerCase();
  const now = utc(deps.clock.now());
  const tombstone = erasureOf(deps, email);
  for (const key of [tombstone, appErasureOf(deps, user.userId)])
    await deps.store.users.upsert({
      type: 'erasure',
      id: 'erasure',
      userId: key,
      createdAt: now,
      updatedAt: now,
    });

  const links = await allDocs(deps.store.users, emailAliasKey(email));
  const pairIds = links.filter((l) => l.type === 'pairLink').map((l) => l.id);
  const others = new Set<string>();
  let documents = 0;
  let jobs = 0;
  for (const pairId of pairIds) {
    const pair = await deps.store.pairs.get(pairId, 'pair');
    if (pair?.doc.type === 'pair') {
      const other = pair.doc.managerEmail === email ? pair.doc.reportEmail : pair.doc.managerEmail;
      others.add(other);
      await deps.store.users.delete(emailAliasKey(other), pairId);
    }
    for (const doc of await allDocs(deps.store.pairs, pairId)) {
      if (doc.type === 'occurrence') {
        for (const job of doc.jobs) if ((await deps.store.jobs.delete(job.bucket, job.id)).ok) jobs += 1;
      }
      if ((await deps.store.pairs.delete(pairId, doc.id)).ok) documents += 1;
    }
  }
  // the manager's own digest deliveries
  const digests = trustDigestPartition(user.userId);
  for (const { id } of await allDocs(deps.store.pairs, digests))
    if ((await deps.store.pairs.delete(digests, id)).ok) documents += 1;
  for (const { id } of links)
    if ((await deps.store.users.delete(emailAliasKey(email), id)).ok) documents += 1;
  for (const { id } of await allDocs(deps.store.users, user.userId))
    if ((await deps.store.users.delete(user.userId, id)).ok) documents += 1;
  // refused address claims that name them (as claimant, holder, or by the address)
  for (const doc of await allDocs(deps.store.users, CLAIM_REFUSALS)) {
    if (doc.type !== 'claimRefusal') continue;
    const theirs = [doc.claimantUserId, doc.holderUserId].includes(user.userId) || doc.address === email;
    if (theirs && (await deps.store.users.delete(CLAIM_REFUSALS, doc.id)).ok) documents += 1;
  }
  const calendars = await forgetInCalendars(deps, user, new Set(pairIds));
  return { others: [...others].sort(), pairs: pairIds.length, documents, jobs, calendars } satisfies Erased;
}

/**
 * Whether `email` asked to be forgotten (and has not used Steady since). A record written before the
 * digest was keyed (plain SHA-256) still counts: an erasure is never forgotten by an upgrade.
 */
export async function isErased(deps: Pick<Deps, 'store' | 'ids'>, email: string): Promise<boolean> {
  return (await erasedAt(deps, email)) !== undefined;
}

/** When `email` asked to be forgotten (the latest record's time), if they did. */
export async function erasedAt(
  deps: Pick<Deps, 'store' | 'ids'>,
  email: string,
): Promise<string | undefined> {
  let latest: string | undefined;
  for (const key of erasureKeysOf(deps, email)) {
    const stored = await deps.store.users.get(key, 'erasure');
    if (stored !== undefined && (latest === undefined || stored.doc.createdAt > latest))
      latest = stored.doc.createdAt;
  }
  return latest;
}

/** They use Steady again: their 1:1s may be found again (whichever digest their record was kept under). */
export async function unerase(
  deps: Pick<Deps, 'store' | 'ids'>,
  email: string,
  userId: string,
): Promise<void> {
  for (const key of [...erasureKeysOf(deps, email), ...appErasureKeysOf(deps, userId)])
    await deps.store.users.delete(key, 'erasure');
}

/** The erased Teams user `userId` removed the app: an install from now on is one they make. */
export async function noteUninstall(
  deps: Pick<Deps, 'store' | 'ids' | 'clock'>,
  userId: string,
): Promise<void> {
  const stored = await appErasure(deps, userId);
  if (stored?.doc.type !== 'erasure' || stored.doc.uninstalledAt !== undefined) return;
  const now = utc(deps.clock.now());
  await deps.store.users.replace({ ...stored.doc, uninstalledAt: now, updatedAt: now }, stored.etag);
}

/**
 * Whether the erased Teams user `userId` removed the app after their erasure: then an install is one
 * they made (and brings them back), not an install event sent again or an admin's setup policy.
 */
export async function reinstalledAfterErasure(
  deps: Pick<Deps, 'store' | 'ids'>,
  userId: string,
): Promise<boolean> {
  const stored = await appErasure(deps, userId);
  return stored?.doc.type === 'erasure' && stored.doc.uninstalledAt !== undefined;
}

/**
 * Every watched calendar drops its tracked series of the erased pairs; the person's own calendar
 * loses them as an owner and, with no owner left, is stopped (`stop` on the sync queue). Returns how
 * many calendar states changed.
 */
async function forgetInCalendars(
  deps: Deps,
  user: Pick<User, 'userId' | 'calendarId'>,
  pairIds: ReadonlySet<string>,
): Promise<number> {
  let changed = 0;
  let continuation: string | undefined;
  do {
    const page = await deps.store.calendars.scan({ limit: 200, ...(continuation ? { continuation } : {}) });
    for (const { doc } of page.items) {
      const own = doc.calendarId === user.calendarId || doc.ownerUserIds.includes(user.userId);
      const stale = Object.values(doc.tracked).some((t) => pairIds.has(t.pairId));
      if (!own && !stale) continue;
      if (await updateCalendar(deps, doc.calendarId, user.userId, pairIds)) changed += 1;
    }
    continuation = page.continuation;
  } while (continuation !== undefined);
  return changed;
}

async function updateCalendar(
  deps: Deps,
  calendarId: string,
  userId: string,
  pairIds: ReadonlySet<string>,
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.store.calendars.get(calendarId, calendarId);
    if (stored === undefined) return false;
    const tracked = Object.fromEntries(
      Object.entries(stored.doc.tracked).filter(([, t]) => !pairIds.has(t.pairId)),
    );
    const ownerUserIds = stored.doc.ownerUserIds.filter((id) => id !== userId);
    const result = await deps.store.calendars.replace(
      { ...stored.doc, tracked, ownerUserIds, updatedAt: utc(deps.clock.now()) },
      stored.etag,
    );
    if (!result.ok) continue; // a sync or a renewal wrote meanwhile: read it again
    if (ownerUserIds.length === 0)
      await deps.queue.send('calendar-sync', {
        calendarId,
        reason: 'stop',
        notifiedAt: utc(deps.clock.now()),
      });
    return true;
  }
  return false;
}

/** Where the erasure of `email` is kept (the keyed digest of the email, never the email). */
const erasureOf = (deps: Pick<Deps, 'ids'>, email: string): string =>
  erasureKey(email, (text) => deps.ids.digest(text));

/**
 * The keyed key, those under the keys it replaced (`STEADY_OLD_DIGEST_KEYS`), then the plain SHA-256
 * one of records written before the key existed: neither a rotation nor an upgrade forgets an erasure.
 */
const erasureKeysOf = (deps: Pick<Deps, 'ids'>, email: string): string[] => [
  erasureOf(deps, email),
  ...deps.ids.oldDigests.map((digest) => erasureKey(email, digest)),
  erasureKey(email, (text) => deps.ids.legacyDigest(text)),
];

/** Where the erasure of the Teams user is kept (the keyed digest of their user id). */
const appErasureOf = (deps: Pick<Deps, 'ids'>, userId: string): string =>
  erasedAppKey(userId, (text) => deps.ids.digest(text));

/** The keyed key, then those under the keys it replaced. */
const appErasureKeysOf = (deps: Pick<Deps, 'ids'>, userId: string): string[] => [
  appErasureOf(deps, userId),
  ...deps.ids.oldDigests.map((digest) => erasedAppKey(userId, digest)),
];

/** The Teams user's erasure record, under whichever key it was kept. */
async function appErasure(deps: Pick<Deps, 'store' | 'ids'>, userId: string) {
  for (const key of appErasureKeysOf(deps, userId)) {
    const stored = await deps.store.users.get(key, 'erasure');
    if (stored !== undefined) return stored;
  }
  return undefined;
}
