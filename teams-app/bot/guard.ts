import { isAllowedServiceUrl } from '../../shared/domain/service-url.js';
import { parseIncoming } from './incoming.js';

export type Refusal = 'MALFORMED' | 'TENANT_NOT_ALLOWED' | 'SERVICE_URL_NOT_ALLOWED';

/**
 * Checks an activity before anything acts on it: its tenant must be allowed, and its `serviceUrl`
 * must be a Bot Framework host (loopback only in local mode), since replies go there.
 */
export function refusalOf(
  body: unknown,
  policy: { readonly allowedTenants: readonly string[]; readonly allowLoopback: boolean },
): Refusal | undefined {
  const incoming = parseIncoming(body);
  if (incoming === undefined) return 'MALFORMED';
  if (!policy.allowedTenants.includes(incoming.tenantId)) return 'TENANT_NOT_ALLOWED';
  if (!isAllowedServiceUrl(incoming.serviceUrl, policy.allowLoopback)) return 'SERVICE_URL_NOT_ALLOWED';
  return undefined;
}
