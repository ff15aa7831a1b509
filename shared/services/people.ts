import {
  CLAIM_REFUSALS,
  emailAliasKey,
  err,
  ok,
  type EmailAlias,
  type Pair,
  type Result,
  type User,
} from '../domain/index.js';
import type { Store } from '../ports.js';

/** Why an identity may not have an address: another identity holds it, or its tenant may not claim the domain. */
export type ClaimError =
  | { readonly code: 'ADDRESS_TAKEN'; readonly address: string; readonly holderUserId: string }
  | { readonly code: 'DOMAIN_NOT_ALLOWED'; readonly address: string };

/** What a save did to the address: kept by this user, claimed fresh, or moved from a gone identity. */
export type Claimed =
  | { readonly kind: 'kept' }
  | { readonly kind: 'claimed' }
  | { readonly kind: 'moved'; readonly fromUserId: string };

/**
 * Saves a user and the alias that finds them by email. An address belongs to one Teams identity: a
 * second one is refused (`ADDRESS_TAKEN`, nothing written but the refusal record for the doctor),
 * except from the same tenant when the holder is gone (the app uninstalled, or sends refused: as
 * when the account was deleted and its address given to a new one). Writes are conditional, so two
 * identities claiming at once cannot both win.
 */
export async function saveUser(store: Store, user: User): Promise<Result<Claimed, ClaimError>> {
  const key = emailAliasKey(user.email);
  const alias: EmailAlias = {
    type: 'emailAlias',
    id: 'alias',
    userId: key,
    targetUserId: user.userId,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const held = await store.users.get(key, 'alias');
    if (held === undefined || held.doc.type !== 'emailAlias') {
      if (!(await store.users.create(alias)).ok) continue; // claimed meanwhile: look again
      await store.users.upsert(user);
      return ok({ kind: 'claimed' });
    }
    const holderId = held.doc.targetUserId;
    if (holderId === user.userId) {
      await store.users.upsert(user);
      return ok({ kind: 'kept' });
    }
    const holder = await userById(store, holderId);
    if (holder !== undefined && (holder.tenantId !== user.tenantId || holder.reachable)) {
      await refuse(store, user, { code: 'ADDRESS_TAKEN', address: user.email, holderUserId: holderId });
      return err({ code: 'ADDRESS_TAKEN', address: user.email, holderUserId: holderId });
    }
    if (!(await store.users.replace({ ...alias, createdAt: held.doc.createdAt }, held.etag)).ok) continue;
    await store.users.upsert(user);
    return ok({ kind: 'moved', fromUserId: holderId });
  }
  throw new Error('saveUser: the address kept changing while it was claimed');
}

/**
 * Saves what changed of a user who keeps their address (unreachable after an uninstall or a 403): no
 * claim, so a person whose address has since moved to a new account is still marked, and no refusal
 * is recorded for them.
 */
export async function saveProfile(store: Store, user: User): Promise<void> {
  await store.users.upsert(user);
}

/** Records a refused claim where `npm run doctor` lists them (one record per claimant and address). */
export async function refuse(store: Store, claimant: User, error: ClaimError): Promise<void> {
  await store.users.upsert({
    type: 'claimRefusal',
    id: `${claimant.userId}|${error.address.toLowerCase()}`,
    userId: CLAIM_REFUSALS,
    address: error.address.toLowerCase(),
    claimantUserId: claimant.userId,
    ...(error.code === 'ADDRESS_TAKEN' ? { holderUserId: error.holderUserId } : {}),
    reason: error.code,
    createdAt: claimant.updatedAt,
    updatedAt: claimant.updatedAt,
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
