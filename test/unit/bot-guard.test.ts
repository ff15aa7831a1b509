import { describe, expect, it } from 'vitest';
import { isAllowedServiceUrl } from '../../shared/domain/service-url.js';
import { refusalOf } from '../../teams-app/bot/guard.js';

const activity = (overrides: Record<string, unknown> = {}) => ({
  type: 'message',
  id: 'a1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:1abc', aadObjectId: 'aad-1', name: 'Dev' },
  conversation: { id: 'a:1conv', tenantId: 'tenant-contoso' },
  channelData: { tenant: { id: 'tenant-contoso' } },
  text: 'help',
  ...overrides,
});
const policy = { allowedTenants: ['tenant-contoso'], allowLoopback: false };

describe('which activities the bot acts on', () => {
  it('accepts an allowed tenant from a Bot Framework host', () => {
    expect(refusalOf(activity(), policy)).toBeUndefined();
  });

  it('refuses a tenant outside the allow-list, wherever Teams puts it', () => {
    expect(refusalOf(activity({ channelData: { tenant: { id: 'tenant-evil' } } }), policy)).toBe(
      'TENANT_NOT_ALLOWED',
    );
    expect(
      refusalOf(activity({ channelData: {}, conversation: { id: 'a:1', tenantId: 'tenant-evil' } }), policy),
    ).toBe('TENANT_NOT_ALLOWED');
  });

  it('refuses an activity without a tenant or without a sender object id', () => {
    expect(refusalOf(activity({ channelData: {}, conversation: { id: 'a:1' } }), policy)).toBe('MALFORMED');
    expect(refusalOf(activity({ from: { id: '29:1' } }), policy)).toBe('MALFORMED');
    expect(refusalOf('not an activity', policy)).toBe('MALFORMED');
  });

  it.each([
    'https://evil.example.com/',
    'https://smba.trafficmanager.net.evil.com/',
    'http://smba.trafficmanager.net/emea/',
    'https://user:pw@smba.trafficmanager.net/',
    'https://smba.trafficmanager.net:8443/',
    'http://127.0.0.1:3978/',
    'file:///etc/passwd',
  ])('refuses the forged service URL %s', (serviceUrl) => {
    expect(refusalOf(activity({ serviceUrl }), policy)).toBe('SERVICE_URL_NOT_ALLOWED');
  });

  it('allows loopback only in local mode', () => {
    expect(isAllowedServiceUrl('http://127.0.0.1:4000/', true)).toBe(true);
    expect(isAllowedServiceUrl('http://127.0.0.1:4000/', false)).toBe(false);
    expect(isAllowedServiceUrl('https://europe.webchat.botframework.com/', false)).toBe(true);
    expect(isAllowedServiceUrl('https://smba.infra.gcc.teams.microsoft.com/', false)).toBe(true);
  });
});
