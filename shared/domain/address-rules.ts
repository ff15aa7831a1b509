import { err, ok, type Result } from './result.js';

/**
 * How a Teams address is matched to a Google one, and which domains a tenant's people may claim
 * (`DOMAIN_MAP`, `TENANT_DOMAINS`; docs/tenants.md). Every domain in lower case.
 */
export interface AddressRules {
  /** Teams (Entra) domain → the Google Workspace domain of the same people. */
  readonly domainMap: Readonly<Record<string, string>>;
  /** Tenant id → the Google domains its people may claim; absent: any domain (one tenant). */
  readonly tenantDomains?: Readonly<Record<string, readonly string[]>>;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const domainOf = (email: string): string => foldAddress(email.slice(email.lastIndexOf('@') + 1));

/**
 * An address as Steady compares it: Unicode NFC, then each character's own lower case, with no
 * locale and no context (so a Turkish dotless ı stays ı, and a capital İ does not become a plain i).
 * The Kelvin sign is the letter K under NFC, so `\u212Aate@` is kate@. Steady accepts only the ASCII
 * addresses Google Workspace and Entra give out (`Email`): an address that is not ASCII once folded is
 * refused, so no lookalike can stand for another address, and no address can be spelled as two.
 */
export function foldAddress(email: string): string {
  return Array.from(email.normalize('NFC'), (c) => c.toLowerCase())
    .join('')
    .normalize('NFC');
}

/** `contoso.onmicrosoft.com=contoso.com,…`: each Teams domain once, each side a domain name. */
export function parseDomainMap(text: string): Result<Record<string, string>, string> {
  const map: Record<string, string> = {};
  for (const entry of text
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)) {
    const [from, to, ...rest] = entry.split('=').map((side) => side.trim());
    if (from === undefined || to === undefined || rest.length > 0 || !DOMAIN.test(from) || !DOMAIN.test(to))
      return err(`'${entry}' is not teams-domain=google-domain (like contoso.onmicrosoft.com=contoso.com)`);
    if (map[from] !== undefined) return err(`${from} is mapped twice`);
    map[from] = to;
  }
  return ok(map);
}

/** `tid1=contoso.com,contoso.de;tid2=fabrikam.com`: each tenant once, with at least one domain. */
export function parseTenantDomains(text: string): Result<Record<string, string[]>, string> {
  const byTenant: Record<string, string[]> = {};
  for (const entry of text
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)) {
    const at = entry.indexOf('=');
    const tenant = entry.slice(0, at).trim();
    const domains = entry
      .slice(at + 1)
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    if (at <= 0 || domains.length === 0 || !domains.every((d) => DOMAIN.test(d)))
      return err(`'${entry}' is not tenant-id=domain,domain (like tid1=contoso.com;tid2=fabrikam.com)`);
    if (byTenant[tenant] !== undefined) return err(`tenant ${tenant} is listed twice`);
    byTenant[tenant] = domains;
  }
  return ok(byTenant);
}

/** The Teams address with its domain mapped to the Google one (unchanged when the map has none). */
export function mappedAddress(rules: AddressRules, email: string): string {
  const address = foldAddress(email);
  const to = rules.domainMap[domainOf(address)];
  return to === undefined ? address : `${address.slice(0, address.lastIndexOf('@'))}@${to}`;
}

/** Whether a person of `tenantId` may claim `email` (always, unless TENANT_DOMAINS is set). */
export function mayClaim(rules: AddressRules, tenantId: string, email: string): boolean {
  if (rules.tenantDomains === undefined) return true;
  return (rules.tenantDomains[tenantId.toLowerCase()] ?? []).includes(domainOf(email));
}
