import { createHash } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** A Teams user id (`29:1…`), stable per tenant and email, shaped like the real opaque ones. */
export function teamsUserId(tenantId: string, email: string): string {
  return `29:1${digest(`user|${tenantId}|${email}`).toString('base64url')}`;
}

/** The personal chat id (`a:1…`) of one person with one bot: Teams keeps it across reinstalls. */
export function personalConversationId(tenantId: string, userId: string, botId: string): string {
  return `a:1${digest(`chat|${tenantId}|${userId}|${botId}`).toString('base64url')}`;
}

/** An Entra object id (a GUID) derived from the email, for people given without one. */
export function derivedAadObjectId(tenantId: string, email: string): string {
  const hex = digest(`aad|${tenantId}|${email}`).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
