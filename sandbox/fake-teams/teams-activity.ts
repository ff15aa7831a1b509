import type { Member } from './directory.js';
import { localTimestamp } from './local-timestamp.js';

/** Who and where an activity from the person's Teams client is. */
export interface ActivityScene {
  readonly id: string;
  readonly at: number;
  readonly serviceUrl: string;
  readonly member: Member;
  readonly conversationId: string;
  readonly bot: { readonly id: string; readonly name: string };
}

/**
 * An activity as Teams posts it to a bot in a personal chat: the envelope every activity carries
 * (ids, times, `serviceUrl`, from, recipient, conversation, tenant, client info) plus `fields`.
 */
export function teamsActivity(
  scene: ActivityScene,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const { member } = scene;
  return {
    ...fields,
    id: scene.id,
    timestamp: new Date(scene.at).toISOString(),
    localTimestamp: localTimestamp(scene.at, member.timeZone),
    localTimezone: member.timeZone,
    serviceUrl: scene.serviceUrl,
    channelId: 'msteams',
    from: { id: member.userId, name: member.name, aadObjectId: member.aadObjectId },
    recipient: { id: scene.bot.id, name: scene.bot.name },
    conversation: { conversationType: 'personal', tenantId: member.tenantId, id: scene.conversationId },
    entities: [
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: member.timeZone },
    ],
    channelData: { tenant: { id: member.tenantId }, ...channelDataOf(fields) },
    locale: 'en-US',
  };
}

function channelDataOf(fields: Record<string, unknown>): Record<string, unknown> {
  const extra = fields['channelData'];
  return typeof extra === 'object' && extra !== null ? (extra as Record<string, unknown>) : {};
}
