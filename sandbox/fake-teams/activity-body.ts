import { z } from 'zod';
import type { ActivityContent } from './chat-log.js';
import { badArgument } from './connector-error.js';

const Attachment = z.looseObject({ contentType: z.string().min(1), content: z.unknown().optional() });

const ActivityBody = z.looseObject({
  type: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(Attachment).optional(),
  replyToId: z.string().min(1).optional(),
});

/** The activity a bot sends or updates, or Teams' 400 naming the first bad field. */
export function parseActivityBody(body: unknown): ActivityContent & { replyToId?: string } {
  const parsed = ActivityBody.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'activity';
    throw badArgument(`Invalid activity: '${field}' is missing or has the wrong type.`);
  }
  const { type, text, attachments, replyToId } = parsed.data;
  if (type === 'message' && text === undefined && (attachments ?? []).length === 0)
    throw badArgument('Invalid activity: a message needs text or attachments.');
  return {
    type,
    ...(text !== undefined ? { text } : {}),
    ...(attachments !== undefined ? { attachments } : {}),
    ...(replyToId !== undefined ? { replyToId } : {}),
  };
}
