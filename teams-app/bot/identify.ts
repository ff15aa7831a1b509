import { mayClaim, plainText, TimeZone, userIdOf, utc, type User } from '../../shared/domain/index.js';
import { log } from '../../shared/log.js';
import { googleAddress } from '../../shared/services/google-address.js';
import {
  holdsAddress,
  refuse,
  releaseAddress,
  saveProfile,
  saveUser,
  userById,
  type ClaimError,
} from '../../shared/services/people.js';
import { startWatching } from '../../shared/services/calendar/watch-calendar.js';
import {
  erasedAt,
  noteUninstall,
  reinstalledAfterErasure,
  unerase,
} from '../../shared/services/erase-person.js';
import { addressCheckDue, directorySays, profileCarries } from '../../shared/services/address-check.js';
import type { BotDeps } from './bot-deps.js';
import type { Incoming } from './incoming.js';

/** What brought the activity: only a message written after the erasure may bring back someone erased. */
export type Contact = 'message' | 'install' | 'press';

/** Said once when a typed message brings back a person who had their data deleted. */
export const CAME_BACK =
  'Welcome back. You had asked Steady to delete your data; as you wrote again, Steady starts over: ' +
  'it follows your calendar\'s 1:1s again from now. Write "delete my data" to stop.';

/**
 * An erased person's old card, a message from before the erasure delivered again, or an install event
 * Steady cannot tell they made: nothing is stored.
 */
const ERASED: Record<Contact, string> = {
  message:
    'You asked Steady to delete your data after this message was sent, so it changes nothing. ' +
    'To use Steady again, write me a new message.',
  press:
    'You asked Steady to delete your data, so this card no longer works. Nothing was changed. ' +
    'To use Steady again, write me any message.',
  install:
    'You asked Steady to delete your data: Steady keeps nothing about you and does not read your calendar. ' +
    'To use Steady again, write me any message.',
};

/** A Teams profile whose address is not one Steady can use (not ASCII once folded, or no address). */
const UNUSABLE =
  "Your Teams profile's email address is not one Steady can use (Google Workspace addresses are plain " +
  'ASCII), so I have not linked it to you. Nothing was changed. Your administrator can fix the profile.';

/** Who an activity is from: a user, a refusal (answered in chat, nothing stored), or nobody known. */
export type Identity = { readonly user: User } | { readonly refused: string } | undefined;

/**
 * The person behind an activity: known by tenant + object id. On first contact (or a new chat) the
 * bot looks them up in the conversation's members for their email, finds the Google account it
 * stands for (the directory's primary address for it, else `DOMAIN_MAP`'s guess: `googleAddress`), claims
 * that address for this identity, stores the conversation reference and starts following their
 * calendar. A claim that is refused changes nothing and is answered. A person who had their data
 * deleted is refused too, unless they asked for it themselves (and are told): a message written after
 * the erasure (Teams' timestamp: not one from before delivered again), or an
 * install after they removed the app since the erasure. An old card's button, or an install event
 * sent again while the app stayed installed (an admin's setup policy), is not them asking.
 */
export async function identify(deps: BotDeps, incoming: Incoming, contact: Contact): Promise<Identity> {
  const userId = userIdOf(incoming.tenantId, incoming.from.aadObjectId);
  const known = await userById(deps.store, userId);
  const address = {
    conversationId: incoming.conversation.id,
    serviceUrl: incoming.serviceUrl,
    tenantId: incoming.tenantId,
  };
  const holds = known !== undefined && (await holdsAddress(deps.store, known));
  // taken at their word while the directory still gives their address their id, or Teams said so today
  const said = known === undefined ? 'unknown' : (await directorySays(deps, known)).says;
  const fresh =
    known !== undefined &&
    (said === 'unknown' ? !addressCheckDue(known, deps.clock.now()) : said === 'theirs');
  if (holds && fresh && known.reachable && known.conversation?.conversationId === address.conversationId)
    return { user: known };
  const member = await deps.messenger.member(address, incoming.from.id);
  if (member === undefined) return holds ? { user: known } : undefined;
  const found = await googleAddress(deps, member.email);
  if (found === undefined) {
    log.warn('people.address_unusable', { userId });
    return { refused: UNUSABLE };
  }
  const email = found.email;
  const now = utc(deps.clock.now());
  const zone = TimeZone.safeParse(incoming.localTimezone);
  const user: User = {
    type: 'user',
    id: userId,
    userId,
    tenantId: incoming.tenantId,
    aadObjectId: incoming.from.aadObjectId.toLowerCase(),
    email,
    name: plainText(member.name).slice(0, 200) || email,
    calendarId: email,
    timeZone: zone.success ? zone.data : (known?.timeZone ?? 'UTC'),
    conversation: { conversationId: address.conversationId, serviceUrl: address.serviceUrl },
    reachable: true,
    addressCheckedAt: now,
    ...(found.directoryId === undefined ? {} : { directoryId: found.directoryId }),
    createdAt: known?.createdAt ?? now,
    updatedAt: now,
  };
  const erasure = known === undefined ? await erasedAt(deps, user.email) : undefined;
  const erased = erasure !== undefined;
  if (erased) {
    const theyAsked =
      contact === 'message'
        ? writtenAfter(incoming, erasure)
        : contact === 'install' && (await reinstalledAfterErasure(deps, userId));
    if (!theyAsked) return { refused: ERASED[contact] };
  }
  if (!mayClaim(deps.addressRules, user.tenantId, email)) {
    const error: ClaimError = { code: 'DOMAIN_NOT_ALLOWED', address: email };
    await refuse(deps.store, user, error);
    return refused(user, error);
  }
  if (known !== undefined && known.email !== email && (await releaseAddress(deps.store, known)))
    log.warn('people.address_lost', { userId, address: known.email }); // their profile carries another now
  const saved = await saveUser(deps.store, user, found.via, async (holder) => {
    const carries = await profileCarries(deps, holder);
    if (carries === 'lost') log.warn('people.address_lost', { userId: holder.userId, address: holder.email });
    return carries !== 'lost';
  });
  if (!saved.ok) return refused(user, saved.error);
  if (saved.value.kind === 'moved')
    log.warn('people.address_moved', { userId, from: saved.value.fromUserId, address: email });
  if (saved.value.kind === 'displaced')
    log.warn('people.mapped_claim_displaced', { userId, from: saved.value.fromUserId, address: email });
  if (erased) {
    await unerase(deps, user.email, userId); // they use Steady again: their 1:1s may be found
    await deps.messenger.send(address, { text: CAME_BACK });
  }
  await startWatching(deps, user.calendarId, user.userId);
  return { user };
}

/**
 * Whether the message was written after the erasure: Teams sends an activity again, with its own id
 * and timestamp, when the bot took over 15 s to answer it, and a message from before "Delete
 * everything" (the "delete my data" itself, often) must not bring the person back. A message without
 * Teams' timestamp cannot show it, so it does not.
 */
function writtenAfter(incoming: Incoming, erasure: string): boolean {
  const at = incoming.timestamp === undefined ? Number.NaN : Date.parse(incoming.timestamp);
  return Number.isFinite(at) && at > Date.parse(erasure);
}

/** Logged (the address as a digest) and answered; the doctor lists the refusal record. */
function refused(user: User, error: ClaimError): Identity {
  log.warn('people.claim_refused', { userId: user.userId, reason: error.code, address: error.address });
  return {
    refused:
      error.code === 'ADDRESS_TAKEN'
        ? `${error.address} already belongs to another Teams account in Steady, so I have not linked it to you. ` +
          'Nothing was changed. Your Steady administrator can see this in `npm run doctor`.'
        : error.code === 'MAPPED_COLLISION'
          ? `Your Teams address only led me to ${error.address} through your organisation's domain mapping, and ` +
            "that address is another person's own, so I have not linked it to you. Nothing was changed. " +
            'Your Steady administrator can see this in `npm run doctor`.'
          : `Your organisation's people may not use ${error.address} with Steady (its domain is not one of your tenant's), ` +
            'so I have not linked it to you. Nothing was changed.',
  };
}

/** Uninstall (or a 403/404 on send): nothing more is sent to this person until they come back. */
export async function markUnreachable(deps: BotDeps, incoming: Incoming): Promise<void> {
  const userId = userIdOf(incoming.tenantId, incoming.from.aadObjectId);
  const user = await userById(deps.store, userId);
  if (user === undefined) await noteUninstall(deps, userId); // an erased person: a later install is theirs
  if (user === undefined || !user.reachable) return;
  await saveProfile(deps.store, { ...user, reachable: false, updatedAt: utc(deps.clock.now()) });
}
