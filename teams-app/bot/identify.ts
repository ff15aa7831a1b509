import { plainText, TimeZone, userIdOf, utc, type User } from '../../shared/domain/index.js';
import { saveUser, userById } from '../../shared/services/people.js';
import { startWatching } from '../../shared/services/calendar/watch-calendar.js';
import {
  isErased,
  noteUninstall,
  reinstalledAfterErasure,
  unerase,
} from '../../shared/services/erase-person.js';
import type { BotDeps } from './bot-deps.js';
import type { Incoming } from './incoming.js';

/** What brought the activity: only a typed message may bring back someone who was erased. */
export type Contact = 'message' | 'install' | 'press';

/** Said once when a typed message brings back a person who had their data deleted. */
export const CAME_BACK =
  'Welcome back. You had asked Steady to delete your data; as you wrote again, Steady starts over: ' +
  'it follows your calendar\'s 1:1s again from now. Write "delete my data" to stop.';

/**
 * The person behind an activity: known by tenant + object id. On first contact (or a new chat) the
 * bot looks them up in the conversation's members for their email, stores the conversation
 * reference and starts following their calendar. A person who had their data deleted is `ERASED`
 * and nothing is stored, unless they asked for it themselves (and are told): a typed message, or an
 * install after they removed the app since the erasure. An old card's button, or an install event
 * sent again while the app stayed installed (an admin's setup policy), is not them asking.
 */
export async function identify(
  deps: BotDeps,
  incoming: Incoming,
  contact: Contact,
): Promise<User | 'ERASED' | undefined> {
  const userId = userIdOf(incoming.tenantId, incoming.from.aadObjectId);
  const known = await userById(deps.store, userId);
  const address = {
    conversationId: incoming.conversation.id,
    serviceUrl: incoming.serviceUrl,
    tenantId: incoming.tenantId,
  };
  if (known?.reachable && known.conversation?.conversationId === address.conversationId) return known;
  const member = await deps.messenger.member(address, incoming.from.id);
  if (member === undefined) return known;
  const now = utc(deps.clock.now());
  const zone = TimeZone.safeParse(incoming.localTimezone);
  const user: User = {
    type: 'user',
    id: userId,
    userId,
    tenantId: incoming.tenantId,
    aadObjectId: incoming.from.aadObjectId.toLowerCase(),
    email: member.email,
    name: plainText(member.name).slice(0, 200) || member.email,
    calendarId: known?.calendarId ?? member.email,
    timeZone: zone.success ? zone.data : (known?.timeZone ?? 'UTC'),
    conversation: { conversationId: address.conversationId, serviceUrl: address.serviceUrl },
    reachable: true,
    createdAt: known?.createdAt ?? now,
    updatedAt: now,
  };
  if (known === undefined && (await isErased(deps, user.email))) {
    const theyAsked =
      contact === 'message' || (contact === 'install' && (await reinstalledAfterErasure(deps, userId)));
    if (!theyAsked) return 'ERASED';
    await unerase(deps, user.email, userId); // they use Steady again: their 1:1s may be found
    await deps.messenger.send(address, { text: CAME_BACK });
  }
  await saveUser(deps.store, user);
  await startWatching(deps, user.calendarId, user.userId);
  return user;
}

/** Uninstall (or a 403/404 on send): nothing more is sent to this person until they come back. */
export async function markUnreachable(deps: BotDeps, incoming: Incoming): Promise<void> {
  const userId = userIdOf(incoming.tenantId, incoming.from.aadObjectId);
  const user = await userById(deps.store, userId);
  if (user === undefined) await noteUninstall(deps, userId); // an erased person: a later install is theirs
  if (user === undefined || !user.reachable) return;
  await saveUser(deps.store, { ...user, reachable: false, updatedAt: utc(deps.clock.now()) });
}
