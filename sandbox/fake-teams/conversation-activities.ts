import { parseActivityBody } from './activity-body.js';
import type { ConnectorContext, Reply } from './connector-context.js';
import { activityNotFound } from './connector-error.js';
import type { ConnectorRoute } from './connector-route.js';
import type { PersonalChat } from './personal-chats.js';

export type ActivitiesRoute = Extract<ConnectorRoute, { op: 'send' | 'reply' | 'update' | 'delete' }>;

/**
 * Send (201 `{ id }`), reply (the SDK posts to `/activities` with `replyToId` in the body; the
 * Bot Connector's `/activities/{id}` form is served too), update (200 `{ id }`) and delete (200).
 */
export function conversationActivities(
  context: ConnectorContext,
  chat: PersonalChat,
  route: ActivitiesRoute,
  body: () => unknown,
): Reply {
  const at = context.now();
  switch (route.op) {
    case 'send':
    case 'reply': {
      const { replyToId, ...content } = parseActivityBody(body());
      // `App.reply(conversationId, messageId, …)` threads by `…;messageid=<id>` in the conversation id.
      const threadId = /;messageid=(\d+)$/.exec(route.conversationId)?.[1];
      const replyTo = route.op === 'reply' ? route.activityId : (replyToId ?? threadId);
      const id = context.log.botSent(chat.id, content, at, replyTo);
      return { status: 201, body: { id } };
    }
    case 'update': {
      const { replyToId: _ignored, ...content } = parseActivityBody(body());
      if (!context.log.botUpdated(chat.id, route.activityId, content, at)) throw activityNotFound();
      return { status: 200, body: { id: route.activityId } };
    }
    case 'delete':
      if (!context.log.botDeleted(chat.id, route.activityId, at)) throw activityNotFound();
      return { status: 200 };
  }
}
