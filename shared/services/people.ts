import { emailAliasKey, type Pair, type User } from '../domain/index.js';
import type { Store } from '../ports.js';

/** Saves a user and the alias that finds them by email. */
export async function saveUser(store: Store, user: User): Promise<void> {
  await store.users.upsert(user);
  await store.users.upsert({
    type: 'emailAlias',
    id: 'alias',
    userId: emailAliasKey(user.email),
    targetUserId: user.userId,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  });
}

export async function userById(store: Store, userId: string): Promise<User | undefined> {
  const stored = await store.users.get(userId, userId);
  return stored?.doc.type === 'user' ? stored.doc : undefined;
}

/** The user with this email, if they installed Steady. */
export async function userByEmail(store: Store, email: string): Promise<User | undefined> {
  const alias = await store.users.get(emailAliasKey(email), 'alias');
  return alias?.doc.type === 'emailAlias' ? userById(store, alias.doc.targetUserId) : undefined;
}

/**
 * The time zone a pair's calendar months are judged in (which 1:1 is the month's deep dive): the
 * manager's, so both people see the same answer whatever their own zones; UTC until they install.
 */
export async function pairTimeZone(store: Store, pair: Pair): Promise<string> {
  return (await userByEmail(store, pair.managerEmail))?.timeZone ?? 'UTC';
}

/** The 1:1 pairs a person belongs to (linked when a calendar sync first found the pair). */
export async function pairsOf(store: Store, user: Pick<User, 'email'>): Promise<Pair[]> {
  const links = await store.users.list(emailAliasKey(user.email), { type: 'pairLink', limit: 1000 });
  const pairs: Pair[] = [];
  for (const link of links.items) {
    if (link.doc.type !== 'pairLink') continue;
    const pair = await store.pairs.get(link.doc.pairId, 'pair');
    if (pair?.doc.type === 'pair' && isMember(pair.doc, user.email)) pairs.push(pair.doc);
  }
  return pairs.sort((a, b) => a.pairId.localeCompare(b.pairId));
}

/** Records that both people of a pair belong to it (idempotent). */
export async function linkPair(store: Store, pair: Pair): Promise<void> {
  for (const email of [pair.managerEmail, pair.reportEmail]) {
    await store.users.create({
      type: 'pairLink',
      id: pair.pairId,
      userId: emailAliasKey(email),
      pairId: pair.pairId,
      createdAt: pair.createdAt,
      updatedAt: pair.updatedAt,
    }); // CONFLICT: already linked
  }
}

/** Whether `email` is one of the pair's two people: the one rule every read and write of a pair obeys. */
export const isMember = (pair: Pair, email: string): boolean =>
  pair.managerEmail === email.toLowerCase() || pair.reportEmail === email.toLowerCase();

export const otherOf = (pair: Pair, email: string): string =>
  pair.managerEmail === email.toLowerCase() ? pair.reportEmail : pair.managerEmail;
