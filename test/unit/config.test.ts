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

describe('loadConfig', () => {
  it('runs locally on SQLite under the data folder with the product defaults', () => {
    expect(loadConfig({ STEADY_MODE: 'local' })).toEqual({
      mode: 'local',
      store: { kind: 'sqlite', file: '.steady/steady.db' },
      agendaLeadMinutes: 1440,
      summaryDelayMinutes: 15,
    });
  });

  it('defaults to Azure with Cosmos DB and managed identity when no key is set', () => {
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://steady.documents.azure.com:443/' }).store).toEqual({
      kind: 'cosmos',
      endpoint: 'https://steady.documents.azure.com:443/',
      database: 'steady',
      auth: {},
    });
  });

  it('uses a user-assigned identity or a key when configured', () => {
    const endpoint = 'https://steady.documents.azure.com:443/';
    expect(loadConfig({ COSMOS_ENDPOINT: endpoint, AZURE_CLIENT_ID: 'client-1' }).store).toMatchObject({
      auth: { managedIdentityClientId: 'client-1' },
    });
    expect(
      loadConfig({ COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'secret', AZURE_CLIENT_ID: 'x' }).store,
    ).toMatchObject({
      auth: { key: 'secret' },
    });
  });

  it('names the missing Cosmos endpoint in Azure mode', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^COSMOS_ENDPOINT: is required/);
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
});
