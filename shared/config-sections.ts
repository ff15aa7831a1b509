/**
 * Each part of the `Config` from the parsed variables: what `loadConfig` (shared/config.ts) puts
 * together, and the problems it reports. It sees only the parsed variables, never the environment.
 */
import type { z } from 'zod';
import { parseDomainMap, parseTenantDomains, type AddressRules } from './domain/address-rules.js';
import type { Config, ConfigSchema } from './config.js';

/** The fake Teams' tenant, allowed by default in local mode only. */
export const LOCAL_TENANT = 'tenant-contoso';

export const LOCAL_WEBHOOK_URL = 'http://127.0.0.1:7071/api/calendar/webhook';

export type Vars = z.output<typeof ConfigSchema>;

export function googleAuth(vars: Vars, problems: string[]): Config['google']['auth'] {
  const email = vars.GOOGLE_SERVICE_ACCOUNT_EMAIL;
  const key = vars.GOOGLE_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (email !== undefined && key !== undefined)
    return { kind: 'serviceAccount', clientEmail: email, privateKey: key };
  if (vars.STEADY_MODE === 'local' && email === undefined && key === undefined) {
    return { kind: 'presetToken', token: 'steady-local-sandbox' };
  }
  if (email === undefined) {
    problems.push(
      'GOOGLE_SERVICE_ACCOUNT_EMAIL: is required (the service account with domain-wide delegation)',
    );
  }
  if (key === undefined)
    problems.push("GOOGLE_PRIVATE_KEY: is required (the service account's private key, PEM)");
  return { kind: 'presetToken', token: '' };
}

/**
 * The sandbox needs no account, so it has a key of its own (not a secret: its data is made up). In
 * Azure the key is required: without it, anyone with the staff list could reverse the digests.
 */
export const LOCAL_DIGEST_KEY = 'steady-local-sandbox-digest-key';

export function digestKey(vars: Vars, problems: string[]): string {
  const key = vars.STEADY_DIGEST_KEY;
  if (key === undefined && vars.STEADY_MODE === 'local') return LOCAL_DIGEST_KEY;
  if (key === undefined)
    problems.push(
      'STEADY_DIGEST_KEY: is required (the key of the digests of email addresses, from Key Vault)',
    );
  else if (key.length < 16) problems.push('STEADY_DIGEST_KEY: must be at least 16 characters');
  return key ?? '';
}

export function oldDigestKeys(vars: Vars, problems: string[]): string[] {
  const value = vars.STEADY_OLD_DIGEST_KEYS?.trim();
  if (value === undefined || value === '' || value === 'none') return [];
  const keys = value.split(',').map((key) => key.trim());
  if (keys.some((key) => key.length < 16))
    problems.push('STEADY_OLD_DIGEST_KEYS: each key (comma-separated) must be at least 16 characters');
  return keys;
}

export function webhookUrl(vars: Vars, problems: string[]): string {
  const url = vars.CALENDAR_WEBHOOK_URL;
  if (vars.STEADY_MODE === 'local') return url ?? LOCAL_WEBHOOK_URL;
  if (url === undefined)
    problems.push('CALENDAR_WEBHOOK_URL: is required (Google pushes calendar changes there)');
  else if (!url.startsWith('https://')) {
    problems.push('CALENDAR_WEBHOOK_URL: must be https (Google only calls HTTPS addresses)');
  }
  return url ?? '';
}

export function bot(vars: Vars, problems: string[]): Config['bot'] {
  const tenants = (vars.ALLOWED_TENANTS ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (vars.STEADY_MODE === 'local' && vars.BOT_ID === undefined) {
    return { auth: { kind: 'local' }, allowedTenants: tenants.length > 0 ? tenants : [LOCAL_TENANT] };
  }
  if (vars.BOT_ID === undefined) problems.push("BOT_ID: is required (the Azure Bot's Microsoft app id)");
  if (vars.BOT_TENANT_ID === undefined)
    problems.push("BOT_TENANT_ID: is required (the tenant of the bot's app registration)");
  if (tenants.length === 0)
    problems.push('ALLOWED_TENANTS: is required (the Entra tenant ids whose people may use Steady)');
  const appId = vars.BOT_ID ?? '';
  const tenantId = vars.BOT_TENANT_ID ?? '';
  return {
    auth:
      vars.BOT_PASSWORD !== undefined
        ? { kind: 'secret', appId, password: vars.BOT_PASSWORD, tenantId }
        : { kind: 'managedIdentity', appId, tenantId },
    allowedTenants: tenants,
  };
}

export function queue(vars: Vars, problems: string[]): Config['queue'] {
  if (vars.AzureWebJobsStorage !== undefined) return { connectionString: vars.AzureWebJobsStorage };
  if (vars.AzureWebJobsStorage__queueServiceUri !== undefined) {
    return {
      queueServiceUri: vars.AzureWebJobsStorage__queueServiceUri,
      ...(vars.AZURE_CLIENT_ID === undefined ? {} : { managedIdentityClientId: vars.AZURE_CLIENT_ID }),
    };
  }
  if (vars.STEADY_MODE === 'local') return { connectionString: 'UseDevelopmentStorage=true' };
  problems.push(
    'AzureWebJobsStorage: is required (or AzureWebJobsStorage__queueServiceUri with a managed identity)',
  );
  return { connectionString: '' };
}

export function cosmos(vars: Vars, problems: string[]): Config['store'] {
  if (vars.COSMOS_ENDPOINT === undefined) {
    problems.push(
      'COSMOS_ENDPOINT: is required when the store is Cosmos DB (STEADY_STORE=cosmos, the default in Azure); ' +
        'set it to the account URL, or set STEADY_MODE=local for the local SQLite store',
    );
    return { kind: 'cosmos', endpoint: '', database: vars.COSMOS_DATABASE, auth: {} };
  }
  const auth =
    vars.COSMOS_KEY !== undefined
      ? { key: vars.COSMOS_KEY }
      : vars.AZURE_CLIENT_ID !== undefined
        ? { managedIdentityClientId: vars.AZURE_CLIENT_ID }
        : {};
  return { kind: 'cosmos', endpoint: vars.COSMOS_ENDPOINT, database: vars.COSMOS_DATABASE, auth };
}

export function directory(vars: Vars, problems: string[]): Config['directory'] {
  switch (vars.DIRECTORY) {
    case 'none':
      return { kind: 'none' };
    case 'graph':
      // Graph lets an app read managers (User.Read.All, application), but Steady has no Graph
      // adapter yet, and Entra addresses would still need matching to Google ones (docs/decisions.md).
      problems.push(
        'DIRECTORY: "graph" is not built yet (Microsoft Graph allows it with the User.Read.All application permission; see docs/decisions.md); use "google" or "none"',
      );
      return { kind: 'none' };
    case 'google': {
      const admin = vars.GOOGLE_DIRECTORY_ADMIN?.toLowerCase();
      if (admin !== undefined && !/^[^@\s]+@[^@\s]+$/.test(admin)) {
        problems.push('GOOGLE_DIRECTORY_ADMIN: must be the email address of a Workspace admin');
        return { kind: 'none' };
      }
      if (admin === undefined && vars.GOOGLE_SERVICE_ACCOUNT_EMAIL !== undefined) {
        problems.push(
          'GOOGLE_DIRECTORY_ADMIN: is required with DIRECTORY=google (a Workspace admin with the Users > Read privilege; directory lookups act as them, docs/google-workspace.md)',
        );
      }
      return { kind: 'google', ...(admin === undefined ? {} : { adminSubject: admin }) };
    }
  }
}

export function addressRules(vars: Vars, problems: string[]): AddressRules {
  const domainMap = parseDomainMap(vars.DOMAIN_MAP ?? '');
  if (!domainMap.ok) problems.push(`DOMAIN_MAP: ${domainMap.error}`);
  const tenantDomains = parseTenantDomains(vars.TENANT_DOMAINS ?? '');
  if (!tenantDomains.ok) problems.push(`TENANT_DOMAINS: ${tenantDomains.error}`);
  const tenants = (vars.ALLOWED_TENANTS ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const domains = tenantDomains.ok ? tenantDomains.value : {};
  if (tenants.length > 1) {
    const missing = tenants.filter((t) => domains[t] === undefined);
    if (missing.length > 0)
      problems.push(
        `TENANT_DOMAINS: with several ALLOWED_TENANTS each needs its domains (missing: ${missing.join(', ')}), ` +
          'so that no tenant claims the addresses of another; like tid1=contoso.com;tid2=fabrikam.com',
      );
  }
  return {
    domainMap: domainMap.ok ? domainMap.value : {},
    ...(vars.TENANT_DOMAINS === undefined ? {} : { tenantDomains: domains }),
  };
}
