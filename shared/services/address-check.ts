import { addMinutes, foldAddress, isBefore, utc, type AddressRules, type User } from '../domain/index.js';
import { log } from '../log.js';
import type { Clock, Directory, Messenger, Store } from '../ports.js';
import { googleAddress } from './google-address.js';
import { releaseAddress, saveProfile, userByEmail } from './people.js';

/** What checking an address needs: the store, the directory and Teams' word (the Messenger). */
export interface AddressCheckDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly messenger: Messenger;
  readonly directory: Directory;
  readonly addressRules: AddressRules;
}

/** How long Teams' word that a profile carries its address holds (issue 27: at least daily). */
export const ADDRESS_RECHECK_HOURS = 24;

/** Whether the user's address is due to be checked again with Teams. */
export const addressCheckDue = (user: User, now: Date): boolean =>
  user.addressCheckedAt === undefined ||
  !isBefore(addMinutes(utc(now), -ADDRESS_RECHECK_HOURS * 60), user.addressCheckedAt);

/**
 * Whether the user's address is still theirs, as Teams says now: `holds`, `lost` (their profile
 * carries another address: renamed, the address handed to someone else), or `unknown` (Teams did not
 * answer; the send that follows finds out the rest). Teams' member lookup, by their object id in their
 * chat with Steady.
 */
export async function profileCarries(
  deps: AddressCheckDeps,
  user: User,
): Promise<'holds' | 'lost' | 'unknown'> {
  if (user.conversation === undefined) return 'unknown';
  const member = await deps.messenger.member(
    { ...user.conversation, tenantId: user.tenantId },
    user.aadObjectId,
  );
  if (member === undefined) return 'unknown';
  return (await googleAddress(deps, member.email))?.email === user.email ? 'holds' : 'lost';
}

/**
 * What the directory says of the user's address, once: `id`, its person id for the address today, and
 * `says`: `theirs` when that is the id recorded at their claim, `another` when it names someone else,
 * `unknown` when it cannot tell (no id recorded, no directory, the address not in it). Cached, as every
 * directory answer.
 */
export async function directorySays(
  deps: AddressCheckDeps,
  user: User,
): Promise<{ readonly says: 'theirs' | 'another' | 'unknown'; readonly id: string | undefined }> {
  const id = (await deps.directory.person(user.email))?.id;
  if (id === undefined || user.directoryId === undefined) return { says: 'unknown', id };
  return { says: id === user.directoryId ? 'theirs' : 'another', id };
}

/**
 * The person Steady may send `email`'s messages to: its holder, if the address is still theirs, asked
 * before every message. The directory answers when it can, at no Teams cost (`directorySays`);
 * otherwise, and whenever it names someone else, Teams' member lookup decides (`profileCarries`). A
 * holder whose address is now someone else's loses the claim (`people.address_lost`), and nobody gets
 * the message under it; its new owner can claim it.
 */
export async function recipientOf(deps: AddressCheckDeps, email: string): Promise<User | undefined> {
  const user = await userByEmail(deps.store, email);
  if (user === undefined) return undefined;
  if (user.email !== foldAddress(email)) {
    await releaseAddress(deps.store, { userId: user.userId, email }); // an alias left behind by a rename
    return undefined;
  }
  const directory = await directorySays(deps, user);
  if (directory.says === 'theirs') return user;
  const carries = await profileCarries(deps, user);
  if (carries === 'lost') {
    await releaseAddress(deps.store, user);
    log.warn('people.address_lost', { userId: user.userId, address: user.email });
    return undefined;
  }
  if (carries === 'unknown') return user;
  // Teams says it is theirs: recorded with the directory's id of today (a new account has a new id)
  const now = deps.clock.now();
  const directoryId = directory.id;
  if (directoryId === user.directoryId && !addressCheckDue(user, now)) return user;
  const checked = {
    ...user,
    addressCheckedAt: utc(now),
    ...(directoryId === undefined ? {} : { directoryId }),
  };
  await saveProfile(deps.store, checked);
  return checked;
}
