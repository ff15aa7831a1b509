import { err } from '../../domain/index.js';
import { log } from '../../log.js';
import type { Messenger } from '../../ports.js';

/**
 * The Messenger, sending only to people of an allowed tenant. Incoming activities are checked at the
 * endpoint; this checks what Steady sends on its own (agendas, summaries, alerts), so a tenant taken
 * off `ALLOWED_TENANTS` gets nothing more, though its people's 1:1s are still stored.
 */
export function allowedTenantsOnly(messenger: Messenger, allowedTenants: readonly string[]): Messenger {
  const allowed = new Set(allowedTenants.map((tenant) => tenant.toLowerCase()));
  const refused = (tenantId: string, conversationId?: string) => {
    if (allowed.has(tenantId.toLowerCase())) return false;
    log.warn('teams.tenant_not_allowed', { tenantId, ...(conversationId ? { conversationId } : {}) });
    return true;
  };
  return {
    send: async (to, message) =>
      refused(to.tenantId, to.conversationId) ? err({ code: 'NOT_ALLOWED' }) : messenger.send(to, message),
    update: async (to, activityId, message) =>
      refused(to.tenantId, to.conversationId)
        ? err({ code: 'NOT_ALLOWED' })
        : messenger.update(to, activityId, message),
    createConversation: async (at, teamsUserId) =>
      refused(at.tenantId) ? err({ code: 'NOT_ALLOWED' }) : messenger.createConversation(at, teamsUserId),
    member: (to, teamsUserId) => messenger.member(to, teamsUserId),
  };
}
