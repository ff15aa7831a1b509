import { TimeZone, userIdOf, utc, type User } from '../../shared/domain/index.js';
import { saveUser, userById } from '../../shared/services/people.js';
import { startWatching } from '../../shared/services/calendar/watch-calendar.js';
import { unerase } from '../../shared/services/erase-person.js';
import type { BotDeps } from './bot-deps.js';
import type { Incoming } from './incoming.js';

/**
 * The person behind an activity: known by tenant + object id. On first contact (or a new chat) the
 * bot looks them up in the conversation's members for their email, stores the conversation
 * reference and starts following their calendar.
 */
export async function identify(deps: BotDeps, incoming: Incoming): Promise<User | undefined> {
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
    name: member.name.slice(0, 200) || member.email,
    calendarId: known?.calendarId ?? member.email,
    timeZone: zone.success ? zone.data : (known?.timeZone ?? 'UTC'),
    conversation: { conversationId: address.conversationId, serviceUrl: address.serviceUrl },
    reachable: true,
    createdAt: known?.createdAt ?? now,
    updatedAt: now,
  };
  if (known === undefined) await unerase(deps, user.email); // they use Steady again: their 1:1s may be found
  await saveUser(deps.store, user);
  await startWatching(deps, user.calendarId, user.userId);
  return user;
}

/** Uninstall (or a 403/404 on send): nothing more is sent to this person until they come back. */
export async function markUnreachable(deps: BotDeps, incoming: Incoming): Promise<void> {
  const user = await userById(deps.store, userIdOf(incoming.tenantId, incoming.from.aadObjectId));
  if (user === undefined || !user.reachable) return;
  await saveUser(deps.store, { ...user, reachable: false, updatedAt: utc(deps.clock.now()) });
}
