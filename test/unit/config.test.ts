import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const endpoint = 'https://steady.documents.azure.com:443/';
const azure = {
  COSMOS_ENDPOINT: endpoint,
  GOOGLE_SERVICE_ACCOUNT_EMAIL: 'steady@project.iam.gserviceaccount.com',
  GOOGLE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
  CALENDAR_WEBHOOK_URL: 'https://steady.azurewebsites.net/api/calendar/webhook',
  AzureWebJobsStorage__queueServiceUri: 'https://steady.queue.core.windows.net',
  BOT_ID: '00000000-0000-0000-0000-000000000001',
  BOT_TENANT_ID: '00000000-0000-0000-0000-0000000000aa',
  ALLOWED_TENANTS: '00000000-0000-0000-0000-0000000000AA, 00000000-0000-0000-0000-0000000000bb',
  STEADY_DIGEST_KEY: '6f1c9a52-7d3e-4b8a-9c21-0e5f4d7a8b93',
  TENANT_DOMAINS:
    '00000000-0000-0000-0000-0000000000aa=contoso.com;00000000-0000-0000-0000-0000000000bb=fabrikam.com',
};

describe('loadConfig', () => {
  it('runs locally on SQLite under the data folder with the product defaults', () => {
    expect(loadConfig({ STEADY_MODE: 'local' })).toEqual({
      mode: 'local',
      store: { kind: 'sqlite', file: '.steady/steady.db' },
      google: {
        rootUrl: 'https://www.googleapis.com/',
        auth: { kind: 'presetToken', token: 'steady-local-sandbox' },
      },
      webhookUrl: 'http://127.0.0.1:7071/api/calendar/webhook',
      queue: { connectionString: 'UseDevelopmentStorage=true' },
      bot: { auth: { kind: 'local' }, allowedTenants: ['tenant-contoso'] },
      digestKey: 'steady-local-sandbox-digest-key',
      oldDigestKeys: [],
      directory: { kind: 'none' },
      identity: { domainMap: {} },
      agendaLeadMinutes: 1440,
      summaryDelayMinutes: 15,
      sandbox: { hostPort: 7071, inboxPort: 3979 },
    });
  });

  it('defaults to Azure with Cosmos DB, managed identity and delegated Google access', () => {
    const config = loadConfig(azure);
    expect(config.google.auth).toEqual({
      kind: 'serviceAccount',
      clientEmail: 'steady@project.iam.gserviceaccount.com',
      privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
    });
    expect(config.queue).toEqual({ queueServiceUri: 'https://steady.queue.core.windows.net' });
    expect(config.store).toEqual({
      kind: 'cosmos',
      endpoint: 'https://steady.documents.azure.com:443/',
      database: 'steady',
      auth: {},
    });
  });

  it('uses a user-assigned identity or a key when configured', () => {
    expect(loadConfig({ ...azure, AZURE_CLIENT_ID: 'client-1' }).store).toMatchObject({
      auth: { managedIdentityClientId: 'client-1' },
    });
    expect(loadConfig({ ...azure, COSMOS_KEY: 'secret', AZURE_CLIENT_ID: 'x' }).store).toMatchObject({
      auth: { key: 'secret' },
    });
  });

  it('names every setting Azure needs when none is set', () => {
    expect(problemsOf({}).map((p) => p.split(':')[0])).toEqual([
      'COSMOS_ENDPOINT',
      'GOOGLE_SERVICE_ACCOUNT_EMAIL',
      'GOOGLE_PRIVATE_KEY',
      'CALENDAR_WEBHOOK_URL',
      'AzureWebJobsStorage',
      'BOT_ID',
      'BOT_TENANT_ID',
      'ALLOWED_TENANTS',
      'STEADY_DIGEST_KEY',
    ]);
    expect(problemsOf({ ...azure, STEADY_DIGEST_KEY: 'short' })).toEqual([
      'STEADY_DIGEST_KEY: must be at least 16 characters',
    ]);
    expect(problemsOf({ ...azure, STEADY_OLD_DIGEST_KEYS: 'a-key-of-16-chars,short' })).toEqual([
      'STEADY_OLD_DIGEST_KEYS: each key (comma-separated) must be at least 16 characters',
    ]);
    expect(
      loadConfig({ ...azure, STEADY_OLD_DIGEST_KEYS: ' key-one-sixteen!, key-two-sixteen! ' }).oldDigestKeys,
    ).toEqual(['key-one-sixteen!', 'key-two-sixteen!']);
    expect(loadConfig({ ...azure, STEADY_OLD_DIGEST_KEYS: 'none' }).oldDigestKeys).toEqual([]);
    expect(problemsOf({ ...azure, COSMOS_ENDPOINT: '' })).toEqual([
      expect.stringMatching(/^COSMOS_ENDPOINT: is required/),
    ]);
  });

  it('runs the bot with its managed identity, or a secret, and the tenant allow-list', () => {
    expect(loadConfig(azure).bot).toEqual({
      auth: {
        kind: 'managedIdentity',
        appId: '00000000-0000-0000-0000-000000000001',
        tenantId: '00000000-0000-0000-0000-0000000000aa',
      },
      allowedTenants: ['00000000-0000-0000-0000-0000000000aa', '00000000-0000-0000-0000-0000000000bb'],
    });
    expect(loadConfig({ ...azure, BOT_PASSWORD: 's' }).bot.auth).toMatchObject({
      kind: 'secret',
      password: 's',
    });
  });

  it('never runs the bot without credentials outside local mode', () => {
    expect(problemsOf({ ...azure, BOT_ID: '' })).toEqual([expect.stringMatching(/^BOT_ID: is required/)]);
    expect(
      loadConfig({ STEADY_MODE: 'local', BOT_ID: 'x', BOT_TENANT_ID: 't', ALLOWED_TENANTS: 't' }).bot.auth
        .kind,
    ).toBe('managedIdentity');
  });

  it('refuses a webhook Google cannot call', () => {
    expect(
      problemsOf({ ...azure, CALENDAR_WEBHOOK_URL: 'http://steady.example/api/calendar/webhook' }),
    ).toEqual([expect.stringMatching(/^CALENDAR_WEBHOOK_URL: must be https/)]);
  });

  it('names every malformed variable at once', () => {
    const problems = problemsOf({
      STEADY_MODE: 'prod',
      COSMOS_ENDPOINT: 'not a url',
      AGENDA_LEAD_MINUTES: 'soon',
      SUMMARY_DELAY_MINUTES: '-5',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'AGENDA_LEAD_MINUTES',
      'COSMOS_ENDPOINT',
      'STEADY_MODE',
      'SUMMARY_DELAY_MINUTES',
    ]);
    expect(problems.join('\n')).toMatch(/STEADY_MODE: must be "azure" or "local"/);
  });

  it('reads the product settings as whole minutes', () => {
    const config = loadConfig({
      STEADY_MODE: 'local',
      AGENDA_LEAD_MINUTES: '60',
      SUMMARY_DELAY_MINUTES: '0',
    });
    expect([config.agendaLeadMinutes, config.summaryDelayMinutes]).toEqual([60, 0]);
    expect(problemsOf({ STEADY_MODE: 'local', AGENDA_LEAD_MINUTES: '1.5' })[0]).toMatch(
      /^AGENDA_LEAD_MINUTES/,
    );
  });

  it('says which variable is wrong in its message', () => {
    expect(() => loadConfig({ STEADY_STORE: 'mongo', STEADY_MODE: 'local' })).toThrow(
      /STEADY_STORE: must be/,
    );
  });
  it('reads the directory, the domain map and the domains of each tenant', () => {
    const config = loadConfig({
      ...azure,
      DIRECTORY: 'google',
      GOOGLE_DIRECTORY_ADMIN: 'IT-Admin@contoso.com',
      DOMAIN_MAP: 'contoso.onmicrosoft.com=contoso.com, Fabrikam.de=fabrikam.com',
    });
    expect(config.directory).toEqual({ kind: 'google', adminSubject: 'it-admin@contoso.com' });
    expect(config.identity).toEqual({
      domainMap: { 'contoso.onmicrosoft.com': 'contoso.com', 'fabrikam.de': 'fabrikam.com' },
      tenantDomains: {
        '00000000-0000-0000-0000-0000000000aa': ['contoso.com'],
        '00000000-0000-0000-0000-0000000000bb': ['fabrikam.com'],
      },
    });
    expect(loadConfig({ STEADY_MODE: 'local', DIRECTORY: 'google' }).directory).toEqual({ kind: 'google' });
  });

  it('refuses DIRECTORY=graph with the reason, and google without its admin', () => {
    expect(problemsOf({ ...azure, DIRECTORY: 'graph' })).toEqual([
      expect.stringMatching(
        /^DIRECTORY: "graph" is not built yet \(Microsoft Graph allows it with the User\.Read\.All application permission/,
      ),
    ]);
    expect(problemsOf({ ...azure, DIRECTORY: 'google' })).toEqual([
      expect.stringMatching(/^GOOGLE_DIRECTORY_ADMIN: is required with DIRECTORY=google/),
    ]);
    expect(problemsOf({ ...azure, DIRECTORY: 'ldap' })).toEqual([
      'DIRECTORY: must be "google", "graph" or "none"',
    ]);
  });

  it('needs the domains of every tenant when several are allowed, and says what is malformed', () => {
    expect(
      problemsOf({ ...azure, TENANT_DOMAINS: '00000000-0000-0000-0000-0000000000aa=contoso.com' }),
    ).toEqual([
      expect.stringContaining(
        'TENANT_DOMAINS: with several ALLOWED_TENANTS each needs its domains (missing: 00000000-0000-0000-0000-0000000000bb)',
      ),
    ]);
    const { TENANT_DOMAINS: _, ...withoutDomains } = azure;
    expect(problemsOf(withoutDomains)).toHaveLength(1);
    expect(loadConfig({ ...withoutDomains, ALLOWED_TENANTS: 'tid1' }).identity).toEqual({ domainMap: {} });
    expect(problemsOf({ ...azure, DOMAIN_MAP: 'contoso.onmicrosoft.com' })).toEqual([
      "DOMAIN_MAP: 'contoso.onmicrosoft.com' is not teams-domain=google-domain (like contoso.onmicrosoft.com=contoso.com)",
    ]);
    expect(problemsOf({ ...azure, TENANT_DOMAINS: 'tid1=not a domain' })[0]).toBe(
      "TENANT_DOMAINS: 'tid1=not a domain' is not tenant-id=domain,domain (like tid1=contoso.com;tid2=fabrikam.com)",
    );
  });
});
