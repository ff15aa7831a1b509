import type { ConnectorContext, Reply } from './connector-context.js';
import { activityNotFound, memberNotFound } from './connector-error.js';
import type { ConnectorRoute } from './connector-route.js';
import type { Member } from './directory.js';
import type { PersonalChat } from './personal-chats.js';

export type MembersRoute = Extract<
  ConnectorRoute,
  { op: 'members' | 'pagedMembers' | 'member' | 'activityMembers' }
>;

/**
 * The member lookups of a personal chat, whose only member (besides the bot) is the person. Like
 * Teams, the list endpoints name the object id `objectId` and the single and paged ones `aadObjectId`.
 */
export function conversationMembers(
  context: ConnectorContext,
  chat: PersonalChat,
  route: MembersRoute,
): Reply {
  const member = chat.member;
  switch (route.op) {
    case 'members':
      return { status: 200, body: [account(member, 'objectId')] };
    case 'pagedMembers':
      return { status: 200, body: { members: [account(member, 'aadObjectId')] } };
    case 'member': {
      const found = context.directory.find(chat.tenantId, route.memberId);
      if (found?.email !== member.email) throw memberNotFound();
      return { status: 200, body: account(member, 'aadObjectId') };
    }
    case 'activityMembers':
      if (!context.log.has(chat.id, route.activityId)) throw activityNotFound();
      return { status: 200, body: [account(member, 'objectId')] };
  }
}

function account(member: Member, objectIdKey: 'objectId' | 'aadObjectId'): Record<string, unknown> {
  const [givenName, ...rest] = member.name.split(' ');
  return {
    id: member.userId,
    name: member.name,
    [objectIdKey]: member.aadObjectId,
    ...(givenName ? { givenName } : {}),
    ...(rest.length > 0 ? { surname: rest.join(' ') } : {}),
    email: member.profileEmail,
    userPrincipalName: member.profileEmail,
    tenantId: member.tenantId,
    userRole: 'user',
  };
}
