import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedDirectory } from '../../shared/adapters/directory/cached-directory.js';
import {
  CALENDAR_SCOPE,
  DIRECTORY_SCOPE,
  delegatedAuth,
  presetTokenAuth,
  type AuthFor,
} from '../../shared/adapters/google/google-auth.js';
import {
  createGoogleDirectory,
  DirectoryUnavailable,
} from '../../shared/adapters/google/google-directory.js';
import { LOCAL_DIGEST_KEY } from '../../shared/config.js';
import { setLogDigestKey, withInvocation } from '../../shared/log.js';
import {
  startFakeGoogleCalendar,
  startFakeGoogleOAuth,
  type FakeGoogleCalendar,
  type FakeGoogleOAuth,
} from '../../sandbox/fake-google/index.js';
import { redirectTokenRequests } from '../../tools/doctor/redirect-token-requests.js';
import { testClock } from '../support/calendar-harness.js';

// The Directory adapter through the real `@googleapis/admin` client and google-auth-library's JWT
// client, against the fake Google (users.get) and the fake OAuth token endpoint, which checks the
// delegation's scopes per client; the fake directory checks the token's scope and admin subject.

const SERVICE_ACCOUNT = 'steady@steady-project.iam.gserviceaccount.com';
const CALENDAR_ONLY = 'calendar-only@steady-project.iam.gserviceaccount.com';
const ADMIN = 'it-admin@contoso.com';
const MARIA = 'maria@contoso.com';
const DEV = 'dev.patel@contoso.com';
const key = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const FAST = { attempts: 2, baseMs: 1, maxMs: 2 };

let google: FakeGoogleCalendar;
let oauth: FakeGoogleOAuth;

beforeAll(async () => {
  oauth = await startFakeGoogleOAuth({
    serviceAccounts: [
      { email: SERVICE_ACCOUNT, clientId: '2001', publicKey: key.publicKey },
      { email: CALENDAR_ONLY, clientId: '2002', publicKey: key.publicKey },
    ],
    users: [ADMIN, MARIA, DEV],
    delegations: { '2001': [CALENDAR_SCOPE, DIRECTORY_SCOPE], '2002': [CALENDAR_SCOPE] },
  });
  google = await startFakeGoogleCalendar({
    directory: [
      { primaryEmail: MARIA },
      {
        primaryEmail: DEV,
        aliases: ['dev@contoso.com', 'DPatel@contoso.com'],
        manager: MARIA,
        dottedLineManagers: ['ana@contoso.com'],
      },
    ],
    directoryTokens: {
      tokenOf: (bearer) =>
        bearer === 'calendar-scope-token'
          ? { scope: CALENDAR_SCOPE, subject: ADMIN }
          : oauth.issued.find((t) => t.accessToken === bearer),
      admins: [ADMIN],
    },
  });
}, 30_000);

afterAll(async () => {
  await Promise.all([google?.stop(), oauth?.stop()]);
});

/** Delegated auth as production builds it, its token requests sent to the fake OAuth. */
function delegated(serviceAccount: string, scope = DIRECTORY_SCOPE): AuthFor {
  const authFor = delegatedAuth({ clientEmail: serviceAccount, privateKey: key.privateKey }, scope);
  return (subject) => {
    const client = authFor(subject);
    if ('subject' in client) redirectTokenRequests(client, oauth.tokenUrl);
    return client;
  };
}

const directory = (authFor: AuthFor, subject = ADMIN) =>
  createGoogleDirectory({ rootUrl: `${google.url}/`, authFor, subject, retry: FAST });

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('the Google directory adapter', () => {
  it("reads a person's addresses and managers as the admin, by primary address or alias", async () => {
    const before = oauth.issued.length;
    const dir = directory(delegated(SERVICE_ACCOUNT));
    const dev = {
      id: expect.stringMatching(/^\d+$/) as unknown, // Google's user id: what stays when an address moves
      primaryEmail: DEV,
      addresses: [DEV, 'dev@contoso.com', 'dpatel@contoso.com'],
      managerEmail: MARIA,
      dottedLineManagerEmails: ['ana@contoso.com'],
    };

    expect(await dir.person(DEV)).toEqual(dev);
    expect(await dir.person('DEV@contoso.com')).toEqual(dev);
    expect(await dir.managerOf('dpatel@contoso.com')).toBe(MARIA);
    expect((await dir.person(MARIA))?.id).not.toBe((await dir.person(DEV))?.id);
    expect(await dir.person(MARIA)).toEqual({
      id: expect.stringMatching(/^\d+$/) as unknown,
      primaryEmail: MARIA,
      addresses: [MARIA],
      dottedLineManagerEmails: [],
    });
    // one token, for the admin, with the directory scope only
    expect(oauth.issued.slice(before)).toEqual([
      expect.objectContaining({ serviceAccount: SERVICE_ACCOUNT, subject: ADMIN, scope: DIRECTORY_SCOPE }),
    ]);
    const request = google.requests.at(-1);
    expect(request).toMatchObject({ operation: 'directoryUser', status: 200 });
    expect(request?.path).toBe(`/admin/directory/v1/users/${MARIA}`);
    expect(request?.query).toMatchObject({ viewType: 'admin_view' });
  });

  it('answers undefined for an address the directory does not hold (a 404)', async () => {
    expect(await directory(delegated(SERVICE_ACCOUNT)).person('nobody@contoso.com')).toBeUndefined();
    expect(google.requests.at(-1)).toMatchObject({ operation: 'directoryUser', status: 404 });
  });

  it('throws DirectoryUnavailable, naming no address, when the token lacks the directory scope', async () => {
    const error = await failure(directory(presetTokenAuth('calendar-scope-token')).person(DEV));
    expect(error).toBeInstanceOf(DirectoryUnavailable);
    expect((error as DirectoryUnavailable).status).toBe(403);
    expect((error as Error).message).not.toContain('@');
  });

  it('throws DirectoryUnavailable when the delegation lacks the scope, or the subject is not an admin', async () => {
    const undelegated = await failure(directory(delegated(CALENDAR_ONLY)).person(DEV));
    expect(undelegated).toBeInstanceOf(DirectoryUnavailable);
    const notAdmin = await failure(directory(delegated(SERVICE_ACCOUNT), MARIA).person(DEV));
    expect(notAdmin).toBeInstanceOf(DirectoryUnavailable);
    expect((notAdmin as DirectoryUnavailable).status).toBe(403);
  });

  it('gives up on a directory that does not answer, within its request timeout', async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const dir = createGoogleDirectory({
        rootUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
        authFor: presetTokenAuth('any'),
        subject: ADMIN,
        retry: { attempts: 2, baseMs: 1, maxMs: 2 },
        timeoutMs: 100,
      });
      const started = Date.now();
      expect(await failure(dir.person(DEV))).toBeInstanceOf(DirectoryUnavailable);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('the cached directory', () => {
  it('keeps an answer 12 hours, so a new manager is seen within a day', async () => {
    const time = testClock('2026-03-01T08:00:00Z');
    const person = 'li@contoso.com';
    google.setDirectoryUser({ primaryEmail: person, manager: MARIA });
    const dir = cachedDirectory(directory(delegated(SERVICE_ACCOUNT)), time.clock);
    expect(await dir.managerOf(person)).toBe(MARIA);

    google.setDirectoryUser({ primaryEmail: person, manager: 'ana@contoso.com' });
    const asked = google.count('directoryUser');
    time.advance(11 * 60);
    expect(await dir.managerOf(person)).toBe(MARIA);
    expect(google.count('directoryUser')).toBe(asked); // answered from the cache
    time.advance(61);
    expect(await dir.managerOf(person)).toBe('ana@contoso.com');
  });

  it('keeps the last known answer while the directory is down, and logs the failure without the address', async () => {
    const time = testClock('2026-03-01T08:00:00Z');
    const lines: string[] = [];
    const context = {
      invocationId: 'i-1',
      functionName: 'calendarSync',
      log: (line: unknown) => lines.push(String(line)),
      warn: (line: unknown) => lines.push(String(line)),
      error: (line: unknown) => lines.push(String(line)),
    };
    setLogDigestKey(LOCAL_DIGEST_KEY); // as the composition root does
    const dir = cachedDirectory(directory(delegated(SERVICE_ACCOUNT)), time.clock);
    expect(await dir.managerOf(DEV)).toBe(MARIA);

    time.advance(13 * 60); // stale: asks again, and Google fails
    google.failNext(2, 503, { path: /^\/admin\/directory\// });
    expect(await withInvocation(context, () => dir.managerOf(DEV))).toBe(MARIA);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      event: 'directory.unavailable',
      error: 'DirectoryUnavailable',
      status: 503,
      kept: true,
    });
    expect(lines[0]).not.toContain('@');
    expect(lines[0]).toMatch(/person:[0-9a-f]{8}/);

    // never asked before and down: unknown, and asked again next time
    google.failNext(2, 503, { path: /^\/admin\/directory\// });
    expect(await withInvocation(context, () => dir.person(MARIA))).toBeUndefined();
    expect(await dir.person(MARIA)).toMatchObject({ primaryEmail: MARIA });
  });
});
