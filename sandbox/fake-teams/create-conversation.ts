import { z } from 'zod';
import { parseActivityBody } from './activity-body.js';
import type { ConnectorContext, Reply } from './connector-context.js';
import { badArgument, badSyntax, notInRoster } from './connector-error.js';

const CreateConversation = z.looseObject({
  isGroup: z.boolean().optional(),
  members: z.array(z.looseObject({ id: z.string().min(1) })).optional(),
  tenantId: z.string().min(1).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().min(1) }).optional() }).optional(),
  activity: z.unknown().optional(),
});

/** The tenant a create-conversation body names, read before the body is judged (for the tenant limit). */
export function tenantOfCreate(body: unknown): string | undefined {
  const parsed = CreateConversation.safeParse(body);
  return parsed.success ? (parsed.data.tenantId ?? parsed.data.channelData?.tenant?.id) : undefined;
}

/**
 * `POST /v3/conversations`: Teams only opens 1:1 chats this way (`isGroup: false`, one member, a
 * tenant); it answers 201 with the person's existing chat id, and 403 when the app is not installed
 * for them. An `activity` in the body is sent into the chat.
 */
export function createConversation(context: ConnectorContext, body: unknown): Reply {
  const parsed = CreateConversation.safeParse(body);
  if (!parsed.success) throw badSyntax();
  const { isGroup, members, activity } = parsed.data;
  const tenantId = tenantOfCreate(body);
  const [only, ...others] = members ?? [];
  if (isGroup === true || only === undefined || others.length > 0) throw badSyntax();
  if (tenantId === undefined) throw badArgument('tenantId is required.');
  const member = context.directory.find(tenantId, only.id);
  if (!member) throw badArgument(`Member '${only.id}' was not found in tenant '${tenantId}'.`);
  const chat = context.chats.ofEmail(member.email);
  if (!chat?.installed) throw notInRoster();
  if (activity !== undefined) context.log.botSent(chat.id, parseActivityBody(activity), context.now());
  return { status: 201, body: { id: chat.id } };
}
