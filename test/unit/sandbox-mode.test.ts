import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { sandboxMode } from '../../sandbox/sandbox-mode.js';

const GOOGLE = {
  GOOGLE_SERVICE_ACCOUNT_EMAIL: 'steady@project.iam.gserviceaccount.com',
  GOOGLE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n',
};
const TEAMS = {
  BOT_ID: '11111111-2222-3333-4444-555555555555',
  BOT_PASSWORD: 'secret',
  BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000',
  ALLOWED_TENANTS: '66666666-7777-8888-9999-000000000000',
};
const TUNNEL = { CALENDAR_WEBHOOK_URL: 'https://steady-dev.euw.devtunnels.ms/api/calendar/webhook' };
const modeOf = (env: Record<string, string>) => sandboxMode(loadConfig(env, { STEADY_MODE: 'local' }));

describe('what npm start runs', () => {
  it('runs the fakes with no credentials at all', () => {
    expect(modeOf({})).toEqual({ kind: 'fakes' });
  });

  it('runs against the real Google and Teams when both are configured, with an HTTPS webhook', () => {
    expect(modeOf({ ...GOOGLE, ...TEAMS, ...TUNNEL })).toEqual({ kind: 'real' });
  });

  it('refuses one real service without the other, naming what to set', () => {
    const googleOnly = modeOf({ ...GOOGLE, ...TUNNEL });
    expect(googleOnly.kind).toBe('invalid');
    expect(JSON.stringify(googleOnly)).toContain('BOT_ID: set it too');
    const teamsOnly = modeOf({ ...TEAMS, ...TUNNEL });
    expect(JSON.stringify(teamsOnly)).toContain('GOOGLE_SERVICE_ACCOUNT_EMAIL and GOOGLE_PRIVATE_KEY');
  });

  it('refuses a webhook Google cannot call, and a managed identity off Azure', () => {
    const local = modeOf({ ...GOOGLE, ...TEAMS });
    expect(JSON.stringify(local)).toContain('CALENDAR_WEBHOOK_URL: must be the public HTTPS address');
    const { BOT_PASSWORD: _secret, ...identity } = TEAMS;
    expect(JSON.stringify(modeOf({ ...GOOGLE, ...identity, ...TUNNEL }))).toContain(
      'BOT_PASSWORD: is required on this machine',
    );
  });
});
