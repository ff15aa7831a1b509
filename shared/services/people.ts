import {
  CLAIM_REFUSALS,
  emailAliasKey,
  foldAddress,
  err,
  ok,
  type EmailAlias,
  type Pair,
  type Result,
  type User,
} from '../domain/index.js';
import type { Store } from '../ports.js';
import type { FoundBy } from './google-address.js';

/**
 * Why an identity may not have an address: another identity holds it, `DOMAIN_MAP` led to an address
 * that is another person's own (`MAPPED_COLLISION`), or its tenant may not claim the domain.
 */
export type ClaimError =
  | {
      readonly code: 'ADDRESS_TAKEN' | 'MAPPED_COLLISION';
      readonly address: string;
      readonly holderUserId: string;
    }
  | { readonly code: 'DOMAIN_NOT_ALLOWED'; readonly address: string };

/**
 * What a save did to the address: kept by this user, claimed fresh, moved from a gone identity, or
 * taken from an identity that only `DOMAIN_MAP` had led to it (`displaced`).
 */
export type Claimed =
  | { readonly kind: 'kept' }
  | { readonly kind: 'claimed' }
  | { readonly kind: 'moved' | 'displaced'; readonly fromUserId: string };

/**
 * Saves a user and the alias that finds them by email. An address belongs to one Teams identity: a
 * second one is refused (`ADDRESS_TAKEN`, nothing written but the refusal record for the doctor),
 * except from the same tenant when the holder is gone (the app uninstalled, or sends refused: as
 * when the account was deleted and its address given to a new one), or when the holder came to it
 * only through `DOMAIN_MAP` and the claimant by its own address (`via: 'exact'`): the address is the
 * claimant's, and the holder loses it (recorded as a `MAPPED_COLLISION` for the doctor). A mapped
 * claim on an address someone holds as their own is refused as a `MAPPED_COLLISION`. Writes are
 * conditional, so two identities claiming at once cannot both win.
 */
export async function saveUser(
  store: Store,
  user: User,
  via: FoundBy = 'exact',
  /** Asks Teams whether a reachable holder's profile still carries the address (false: it does not). */
  stillHolds: (holder: User) => Promise<boolean> = async () => true,
): Promise<Result<Claimed, ClaimError>> {
  const key = emailAliasKey(user.email);
  const alias: EmailAlias = {
    type: 'emailAlias',
    id: 'alias',
    userId: key,
    targetUserId: user.userId,
    via,
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
    const heldVia = held.doc.via ?? 'exact';
    if (holderId === user.userId) {
      if (heldVia !== via) await store.users.replace({ ...alias, createdAt: held.doc.createdAt }, held.etag);
      await store.users.upsert(user);
      return ok({ kind: 'kept' });
    }
    const holder = await userById(store, holderId);
    const gone =
      holder === undefined ||
      !holder.reachable ||
      holder.email !== user.email || // an alias its holder left behind (before issue 27)
      (holder.tenantId === user.tenantId && !(await stillHolds(holder)));
    const sameTenant = holder === undefined || holder.tenantId === user.tenantId;
    const stronger = via === 'exact' && heldVia === 'mapped';
    if (!sameTenant || (!gone && !stronger)) {
      const code = via === 'mapped' && heldVia === 'exact' ? 'MAPPED_COLLISION' : 'ADDRESS_TAKEN';
      const error = { code, address: user.email, holderUserId: holderId } as const;
      await refuse(store, user, error);
      return err(error);
    }
    if (!(await store.users.replace({ ...alias, createdAt: held.doc.createdAt }, held.etag)).ok) continue;
    await store.users.upsert(user);
    if (gone || holder === undefined) return ok({ kind: 'moved', fromUserId: holderId });
    const error = { code: 'MAPPED_COLLISION', address: user.email, holderUserId: user.userId } as const;
    await refuse(store, { ...holder, updatedAt: user.updatedAt }, error);
    return ok({ kind: 'displaced', fromUserId: holderId });
  }
  throw new Error('saveUser: the address kept changing while it was claimed');
}

/**
 * Gives up `user`'s claim on their address (their profile no longer carries it: a rename, the address
 * handed to someone else), so nothing more reaches them under it and its new owner can claim it. Only
 * the alias that still names this user is removed.
 */
export async function releaseAddress(store: Store, user: Pick<User, 'userId' | 'email'>): Promise<boolean> {
  const key = emailAliasKey(user.email);
  const held = await store.users.get(key, 'alias');
  if (held?.doc.type !== 'emailAlias' || held.doc.targetUserId !== user.userId) return false;
  return (await store.users.delete(key, 'alias', held.etag)).ok;
}

/** Whether `user` still holds their address (another identity may have claimed it since). */
export async function holdsAddress(store: Store, user: User): Promise<boolean> {
  const alias = await store.users.get(emailAliasKey(user.email), 'alias');
  return alias?.doc.type === 'emailAlias' && alias.doc.targetUserId === user.userId;
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
    id: `${claimant.userId}|${foldAddress(error.address)}`,
    userId: CLAIM_REFUSALS,
    address: foldAddress(error.address),
    claimantUserId: claimant.userId,
    ...('holderUserId' in error ? { holderUserId: error.holderUserId } : {}),
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
  pair.managerEmail === foldAddress(email) || pair.reportEmail === foldAddress(email);

export const otherOf = (pair: Pair, email: string): string =>
  pair.managerEmail === foldAddress(email) ? pair.reportEmail : pair.managerEmail;
