import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { killStarted, start, stopped } from '../support/sandbox-process.js';

const folder = mkdtempSync(join(tmpdir(), 'steady-real-'));
afterAll(() => {
  killStarted();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * With real credentials `npm start` runs the functions against the real Google and Teams, with no
 * fake at all. No network here: the test checks what starts and that the bot endpoint now demands a
 * Bot Framework token (the fakes' local mode accepts any request).
 */
it('with real credentials, npm start starts no fake and its bot endpoint refuses unauthenticated calls', async () => {
  const sandbox = await start(join(folder, 'data'), {
    GOOGLE_SERVICE_ACCOUNT_EMAIL: 'steady@project.iam.gserviceaccount.com',
    GOOGLE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n',
    BOT_ID: '11111111-2222-3333-4444-555555555555',
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000',
    ALLOWED_TENANTS: '66666666-7777-8888-9999-000000000000',
    CALENDAR_WEBHOOK_URL: 'https://steady-dev.example.net/api/calendar/webhook',
  });
  const output = sandbox.output();
  expect(output).toContain('against the real Google Calendar and Microsoft Teams');
  expect(output).toContain('messaging endpoint to https://steady-dev.example.net/api/messages');
  expect(output).not.toMatch(/fake|open http/);
  expect((await fetch(`${sandbox.functions}/api/health`)).status).toBe(200);
  const tenantId = '66666666-7777-8888-9999-000000000000';
  const message = {
    type: 'message',
    id: '1700000000000',
    text: 'agenda',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:1abc', aadObjectId: '0f8fad5b-d9cb-469f-a165-70867728950e' },
    recipient: { id: '28:11111111-2222-3333-4444-555555555555' },
    conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
  const unsigned = await fetch(`${sandbox.functions}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  expect(unsigned.status).toBe(401);
  await stopped(sandbox.child);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stillUp = await fetch(`${sandbox.functions}/api/health`).then(
    () => true,
    () => false,
  );
  expect(stillUp).toBe(false);
}, 150_000);
