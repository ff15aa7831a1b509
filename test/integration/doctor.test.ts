import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_SCOPE, DIRECTORY_SCOPE } from '../../shared/adapters/google/google-auth.js';
import { openCosmosStore } from '../../shared/adapters/cosmos/cosmos-store.js';
import { CLAIM_REFUSALS } from '../../shared/domain/index.js';
import { ensureContainers } from '../../shared/adapters/cosmos/ensure-containers.js';
import { startFakeGoogleCalendar, startFakeGoogleOAuth } from '../../sandbox/fake-google/index.js';
import type { FakeGoogleCalendar, FakeGoogleOAuth } from '../../sandbox/fake-google/index.js';
import { startFakeEntra, type FakeEntra } from '../../sandbox/fake-teams/index.js';
import { startAzurite } from '../support/azurite.js';
import { COSMOS_SERVER_KEY, startCosmosServer } from '../support/cosmos-server.js';

// `npm run doctor` as a child process, with only the settings each test gives it (never the
// developer's), against the in-process Cosmos server, Azurite, the fake Google Calendar, and fakes of
// Google's and Entra's token endpoints.

const REPO = new URL('../..', import.meta.url).pathname;
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
/**
 * The doctor's sources bundled once for this file, so each run starts in about a second instead of
 * compiling through tsx (2.6 s a run here); the first test runs `tools/doctor/main.ts` through tsx, as
 * `npm run doctor` does. Kept beside node_modules so that the bundle's imports of packages resolve.
 */
const BUNDLE = join(REPO, 'node_modules', '.cache', 'steady-test', `doctor-${process.pid}.mjs`);
const SERVICE_ACCOUNT = 'steady@steady-project.iam.gserviceaccount.com';
const UNDELEGATED_ACCOUNT = 'other@steady-project.iam.gserviceaccount.com';
const USER = 'maria@contoso.example';
const ADMIN = 'it-admin@contoso.example';
const CALENDAR_ONLY_ACCOUNT = 'calendar-only@steady-project.iam.gserviceaccount.com';
const BOT = {
  id: '00000000-0000-0000-0000-0000000000b0',
  secret: 'bot-secret~value',
  tenant: 'tenant-contoso',
};
const NAMES = ['config', 'store', 'queue', 'google', 'directory', 'bot', 'addresses'] as const;
type Name = (typeof NAMES)[number];

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const serviceKey = pem();
const strangerKey = pem();

let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let azurite: Awaited<ReturnType<typeof startAzurite>>;
let calendar: FakeGoogleCalendar;
let oauth: FakeGoogleOAuth;
let entra: FakeEntra;
/**
 * An address nothing listens on: port 1 is below the ephemeral range every test server binds in (port
 * 0), so, unlike a port freed a moment ago, no server of a test running in parallel can take it.
 */
const closedPort = 1;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  [cosmos, azurite, calendar, oauth, entra] = await Promise.all([
    startCosmosServer(),
    startAzurite(),
    startFakeGoogleCalendar({
      directory: [
        { primaryEmail: USER, aliases: ['m.lopez@contoso.example'], manager: 'ceo@contoso.example' },
      ],
      directoryTokens: {
        tokenOf: (bearer) => oauth.issued.find((t) => t.accessToken === bearer),
        admins: [ADMIN],
      },
    }),
    startFakeGoogleOAuth({
      serviceAccounts: [
        { email: SERVICE_ACCOUNT, clientId: '1001', publicKey: serviceKey.publicKey },
        { email: UNDELEGATED_ACCOUNT, clientId: '1002', publicKey: serviceKey.publicKey },
        { email: CALENDAR_ONLY_ACCOUNT, clientId: '1003', publicKey: serviceKey.publicKey },
      ],
      users: [USER, ADMIN],
      delegations: { '1001': [CALENDAR_SCOPE, DIRECTORY_SCOPE], '1003': [CALENDAR_SCOPE] },
    }),
    startFakeEntra({
      apps: [{ tenantId: BOT.tenant, clientId: BOT.id, secrets: [BOT.secret] }],
      identities: [BOT.id],
    }),
  ]);
  await ensureContainers(cosmos.client(), 'steady');
  // a database as a hand-made set-up might leave it: `jobs` missing, `users` on the wrong key
  const { database } = await cosmos.client().databases.createIfNotExists({ id: 'steady-partial' });
  for (const [id, key] of [
    ['pairs', '/pairId'],
    ['users', '/id'],
    ['calendars', '/calendarId'],
  ] as const)
    await database.containers.createIfNotExists({ id, partitionKey: { paths: [key] } });
  calendar.upsertEvent(USER, {
    summary: 'Maria / Dev 1:1',
    start: { dateTime: '2026-03-02T09:00:00Z' },
    end: { dateTime: '2026-03-02T09:30:00Z' },
  });
  await build({
    entryPoints: [join(REPO, 'tools/doctor/main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}, 30_000);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL'); // a doctor left by a timed-out test
  rmSync(BUNDLE, { force: true });
  await Promise.all([cosmos?.stop(), azurite?.stop(), calendar?.stop(), oauth?.stop(), entra?.stop()]);
});

/** Settings that all pass, with `changes` applied (undefined removes one). */
function settings(changes: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: COSMOS_SERVER_KEY,
    COSMOS_DATABASE: 'steady',
    AzureWebJobsStorage: azurite.connectionString,
    GOOGLE_ROOT_URL: `${calendar.url}/`,
    GOOGLE_SERVICE_ACCOUNT_EMAIL: SERVICE_ACCOUNT,
    // escaped newlines, as an app setting holds a PEM
    GOOGLE_PRIVATE_KEY: serviceKey.privateKey.replace(/\n/g, '\\n'),
    CALENDAR_WEBHOOK_URL: 'https://steady.example.com/api/calendar/webhook',
    BOT_ID: BOT.id,
    BOT_PASSWORD: BOT.secret,
    BOT_TENANT_ID: BOT.tenant,
    ALLOWED_TENANTS: BOT.tenant,
    STEADY_DIGEST_KEY: 'doctor-test-digest-key-0123456789',
    DIRECTORY: 'google',
    GOOGLE_DIRECTORY_ADMIN: ADMIN,
    ...changes,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

const fakes = () => ['--google-token-url', oauth.tokenUrl, '--login-url', entra.url];

interface Run {
  code: number | null;
  lines: Record<Name, string>;
  stdout: string;
}

async function doctor(
  env: Record<string, string>,
  args: string[] = ['--google-user', USER, ...fakes()],
  entry: string[] = [BUNDLE],
) {
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': by then both pipes have been read to the end
  const [code] = (await once(child, 'close')) as [number | null];
  const lines = Object.fromEntries(
    NAMES.map((name) => [
      name,
      stdout.split('\n').find((line) => new RegExp(`^(PASS|FAIL|SKIP) {2}${name} `).test(line)) ?? '',
    ]),
  ) as Record<Name, string>;
  return { code, lines, stdout: stdout + stderr } satisfies Run;
}

/** The checks that read through another one, and are skipped when it fails. */
const NEEDS: Partial<Record<Name, Name>> = { addresses: 'store' };

/** Every check passes except the `failing` ones, which fail (and those that need them, skipped). */
function expectOnlyFailure(run: Run, ...failing: Name[]): void {
  for (const name of NAMES) {
    const needed = NEEDS[name];
    const status = failing.includes(name)
      ? 'FAIL'
      : needed !== undefined && failing.includes(needed)
        ? 'SKIP'
        : 'PASS';
    expect(run.lines[name], `${name} in:\n${run.stdout}`).toMatch(new RegExp(`^${status} `));
  }
  expect(run.code, run.stdout).toBe(1);
}

describe('npm run doctor', () => {
  it('passes every check against working dependencies, and exits 0', async () => {
    const before = { tokens: oauth.issued.length, bot: entra.issuedCount };
    // this once through tsx, as `npm run doctor` runs it
    const run = await doctor(settings(), undefined, [TSX, 'tools/doctor/main.ts']);

    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(NAMES.length + 1);
    expect(run.lines.config).toMatch(/^PASS {2}config {2}valid: azure mode/);
    expect(run.lines.store).toContain(
      `PASS  store   Cosmos DB ${cosmos.endpoint} with its key: database 'steady', containers pairs, users, calendars, jobs`,
    );
    expect(run.lines.queue).toMatch(
      /^PASS {2}queue {3}queue service http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/,
    );
    expect(run.lines.google).toContain(`PASS  google  delegated token for ${USER} from ${SERVICE_ACCOUNT}`);
    expect(run.lines.google).toContain('(1 event on the first page of 1)');
    expect(run.lines.bot).toContain(
      `PASS  bot     Bot Framework token (https://api.botframework.com/.default)`,
    );
    expect(run.lines.directory).toBe(
      `PASS  directory users.get as ${ADMIN} (scope ${DIRECTORY_SCOPE}): ${USER}'s manager is ceo@contoso.example (2 addresses, 1 manager)`,
    );
    expect(run.lines.addresses).toBe('PASS  addresses no address was claimed by a second Teams identity');
    expect(run.stdout).toContain('0 failed, 7 passed, 0 skipped');

    // the real JWT client asked the fake for a delegated token, and the calendar call carried it
    const issued = oauth.issued.slice(before.tokens);
    const token = issued.find((t) => t.scope === CALENDAR_SCOPE);
    expect(token).toMatchObject({ serviceAccount: SERVICE_ACCOUNT, subject: USER, scope: CALENDAR_SCOPE });
    const list = calendar.requests.filter((r) => r.operation === 'list').at(-1);
    expect(list).toMatchObject({ operation: 'list', calendarId: USER, bearer: token?.accessToken });
    expect(list?.query).toMatchObject({ maxResults: '1' });
    // and the directory's: the admin, with the directory scope alone
    const directoryToken = issued.find((t) => t.scope === DIRECTORY_SCOPE);
    expect(directoryToken).toMatchObject({ serviceAccount: SERVICE_ACCOUNT, subject: ADMIN });
    expect(calendar.requests.filter((r) => r.operation === 'directoryUser').at(-1)).toMatchObject({
      path: `/admin/directory/v1/users/${USER}`,
      status: 200,
      bearer: directoryToken?.accessToken,
    });
    expect(entra.issuedCount).toBe(before.bot + 1);
  });

  it('reports an invalid setting with its message, skips the checks that need the configuration, and exits 1', async () => {
    const run = await doctor(settings({ AGENDA_LEAD_MINUTES: 'soon' }));

    expect(run.lines.config).toMatch(
      /^FAIL {2}config {2}AGENDA_LEAD_MINUTES: must be a whole number of minutes\. Fix: set these in the Function App \(portal: Function App > Settings > Environment variables\)/,
    );
    for (const name of NAMES.slice(1))
      expect(run.lines[name]).toMatch(new RegExp(`^SKIP {2}${name} +needs a valid configuration`));
    expect(run.code).toBe(1);
  });

  it('fails the store when Cosmos DB cannot be reached', async () => {
    const endpoint = `http://127.0.0.1:${closedPort}`;
    const run = await doctor(settings({ COSMOS_ENDPOINT: endpoint }));

    expectOnlyFailure(run, 'store');
    expect(run.lines.store).toContain(
      `cannot reach Cosmos DB at ${endpoint} (connection refused, ECONNREFUSED)`,
    );
    expect(run.lines.store).toContain("Fix: set COSMOS_ENDPOINT to the account's URI");
  });

  it('fails the store for a missing container and one with the wrong partition key', async () => {
    const run = await doctor(settings({ COSMOS_DATABASE: 'steady-partial' }));

    expectOnlyFailure(run, 'store');
    expect(run.lines.store).toContain(
      "database 'steady-partial': container 'users' is partitioned by /id, not /userId; container 'jobs' is missing. Fix: `azd provision` creates the containers",
    );
    expect(run.lines.store).toContain('jobs with partition key /bucket');
  });

  it('fails the store for a missing database', async () => {
    const run = await doctor(settings({ COSMOS_DATABASE: 'nowhere' }));

    expectOnlyFailure(run, 'store');
    expect(run.lines.store).toContain("database 'nowhere' does not exist");
    expect(run.lines.store).toContain('set COSMOS_DATABASE');
  });

  it('fails the queue when the queue endpoint cannot be reached', async () => {
    const unreachable = azurite.connectionString.replace(
      /:\d+\/devstoreaccount1/,
      `:${closedPort}/devstoreaccount1`,
    );
    const run = await doctor(settings({ AzureWebJobsStorage: unreachable }));

    expectOnlyFailure(run, 'queue');
    expect(run.lines.queue).toContain(
      `cannot reach http://127.0.0.1:${closedPort}/devstoreaccount1 (connection refused, ECONNREFUSED). Fix: start Azurite there`,
    );
  });

  it('fails the queue when the account key is wrong', async () => {
    const wrongKey = azurite.connectionString.replace(
      /AccountKey=[^;]+/,
      `AccountKey=${Buffer.from('wrong').toString('base64')}`,
    );
    const run = await doctor(settings({ AzureWebJobsStorage: wrongKey }));

    expectOnlyFailure(run, 'queue');
    expect(run.lines.queue).toContain('refused the account key in AzureWebJobsStorage');
    expect(run.lines.queue).toContain(
      'Fix: copy a current connection string from Storage account > Security + networking > Access keys',
    );
  });

  it('creates the queues the app uses when they are missing, and says which', async () => {
    const service = QueueServiceClient.fromConnectionString(azurite.connectionString);
    for (const name of ['calendar-sync', 'deliveries', 'deliveries-poison'])
      await service.getQueueClient(name).deleteIfExists();

    const run = await doctor(settings());

    expect(run.lines.queue).toContain(
      'created calendar-sync, deliveries, deliveries-poison (the app would on its first send)',
    );
    expect(run.code, run.stdout).toBe(0);
    for (const name of ['calendar-sync', 'deliveries', 'deliveries-poison'])
      expect(await service.getQueueClient(name).exists()).toBe(true);
  });

  it('fails Google when the private key is not the service account’s', async () => {
    const run = await doctor(settings({ GOOGLE_PRIVATE_KEY: strangerKey.privateKey }));

    expectOnlyFailure(run, 'google', 'directory');
    expect(run.lines.directory).toContain('GOOGLE_PRIVATE_KEY is not a current key');
    expect(run.lines.google).toContain(
      `GOOGLE_PRIVATE_KEY is not a current key of ${SERVICE_ACCOUNT} (invalid_grant: Invalid JWT Signature.)`,
    );
    expect(run.lines.google).toContain(
      'Fix: create a JSON key (Google Cloud console > IAM & Admin > Service accounts',
    );
  });

  it('fails Google when domain-wide delegation is not authorised for the client id', async () => {
    const run = await doctor(settings({ GOOGLE_SERVICE_ACCOUNT_EMAIL: UNDELEGATED_ACCOUNT }));

    expectOnlyFailure(run, 'google', 'directory');
    expect(run.lines.google).toContain(
      `Google refused delegation for ${USER}: the client id of ${UNDELEGATED_ACCOUNT} is not authorised for ${CALENDAR_SCOPE} (unauthorized_client)`,
    );
    expect(run.lines.google).toContain(
      `Fix: in admin.google.com > Security > Access and data control > API controls > Manage Domain Wide Delegation, add the service account's client ID`,
    );
  });

  it('fails Google for a user outside the Workspace', async () => {
    const run = await doctor(settings(), ['--google-user', 'someone@elsewhere.example', ...fakes()]);

    expectOnlyFailure(run, 'google', 'directory');
    expect(run.lines.directory).toContain('the directory has no user someone@elsewhere.example');
    expect(run.lines.google).toContain(
      'someone@elsewhere.example is not a user of the Google Workspace domain (invalid_grant: Invalid email or User ID)',
    );
  });

  it('fails the directory, naming the scope to grant, when the delegation lacks it', async () => {
    const run = await doctor(settings({ GOOGLE_SERVICE_ACCOUNT_EMAIL: CALENDAR_ONLY_ACCOUNT }));

    expectOnlyFailure(run, 'directory');
    expect(run.lines.directory).toContain(
      `Google refused delegation for ${ADMIN}: the client id of ${CALENDAR_ONLY_ACCOUNT} is not authorised for ${DIRECTORY_SCOPE} (unauthorized_client)`,
    );
    expect(run.lines.directory).toContain(`with exactly the scope ${DIRECTORY_SCOPE}`);
  });

  it('fails the directory when GOOGLE_DIRECTORY_ADMIN is not a Workspace admin', async () => {
    const run = await doctor(settings({ GOOGLE_DIRECTORY_ADMIN: USER }));

    expectOnlyFailure(run, 'directory');
    expect(run.lines.directory).toContain(`${USER} may not read the directory (403 forbidden`);
    expect(run.lines.directory).toContain('set GOOGLE_DIRECTORY_ADMIN to a Workspace admin');
  });

  it('skips the directory with DIRECTORY=none', async () => {
    const run = await doctor(settings({ DIRECTORY: undefined, GOOGLE_DIRECTORY_ADMIN: undefined }));

    expect(run.lines.directory).toMatch(/^SKIP {2}directory DIRECTORY=none: no directory names managers/);
    expect(run.code).toBe(0);
  });

  it('names each address claim the bot refused', async () => {
    const store = openCosmosStore(cosmos.client(), 'steady');
    const refusal = {
      type: 'claimRefusal' as const,
      id: 'tenant-fabrikam:aad-mallory|dev@contoso.example',
      userId: CLAIM_REFUSALS as typeof CLAIM_REFUSALS,
      address: 'dev@contoso.example',
      claimantUserId: 'tenant-fabrikam:aad-mallory',
      holderUserId: 'tenant-contoso:aad-dev',
      reason: 'ADDRESS_TAKEN' as const,
      createdAt: '2026-03-02T08:00:00.000Z',
      updatedAt: '2026-03-02T08:00:00.000Z',
    };
    // a DOMAIN_MAP guess that led John Smith (john@fabrikam.example) to John Doe's own address (issue 27)
    const collision = {
      ...refusal,
      id: 'tenant-contoso:aad-smith|john@contoso.example',
      address: 'john@contoso.example',
      claimantUserId: 'tenant-contoso:aad-smith',
      holderUserId: 'tenant-contoso:aad-doe',
      reason: 'MAPPED_COLLISION' as const,
      updatedAt: '2026-03-01T08:00:00.000Z',
    };
    await store.users.upsert(refusal);
    await store.users.upsert(collision);
    try {
      const run = await doctor(settings());

      expectOnlyFailure(run, 'addresses');
      expect(run.lines.addresses).toContain(
        'FAIL  addresses 2 refused address claims: dev@contoso.example claimed by tenant-fabrikam:aad-mallory, held by tenant-contoso:aad-dev (2026-03-02T08:00:00.000Z); ' +
          "john@contoso.example reached by tenant-contoso:aad-smith only through DOMAIN_MAP, but it is tenant-contoso:aad-doe's own address",
      );
      expect(run.lines.addresses).toContain('a claimant from another tenant is a takeover attempt');
      expect(run.lines.addresses).toContain(
        'a DOMAIN_MAP collision is two people with one name in both domains',
      );
    } finally {
      await store.users.delete(CLAIM_REFUSALS, refusal.id);
      await store.users.delete(CLAIM_REFUSALS, collision.id);
    }
  });

  it('fails the bot for a wrong client secret, naming AADSTS7000215 and where to make a new one', async () => {
    const run = await doctor(settings({ BOT_PASSWORD: 'the-secret-id-not-its-value' }));

    expectOnlyFailure(run, 'bot');
    expect(run.lines.bot).toContain(
      `BOT_PASSWORD is not a client secret of app ${BOT.id} (AADSTS7000215 invalid_client: Invalid client secret provided.`,
    );
    expect(run.lines.bot).toContain(
      "Fix: Microsoft Entra ID > App registrations > the bot's app > Certificates & secrets > New client secret",
    );
  });

  it('fails the bot for an app id unknown in its tenant (AADSTS700016)', async () => {
    const run = await doctor(settings({ BOT_ID: '00000000-0000-0000-0000-00000000dead' }));

    expectOnlyFailure(run, 'bot');
    expect(run.lines.bot).toContain(
      'is not an app registration in tenant tenant-contoso (AADSTS700016 unauthorized_client',
    );
    expect(run.lines.bot).toContain("on the Azure Bot's Configuration page");
  });

  it('skips, never passes, Google without --google-user and a managed-identity bot, and exits 0', async () => {
    const run = await doctor(settings({ BOT_PASSWORD: undefined }), fakes());

    expect(run.lines.google).toMatch(/^SKIP {2}google {2}add --google-user <email of a Workspace user>/);
    expect(run.lines.bot).toMatch(
      /^SKIP {2}bot {5}BOT_PASSWORD is not set, so the bot signs in as the managed identity/,
    );
    expect(run.lines.bot).toContain('only Azure can issue');
    expect(run.lines.directory).toMatch(/^SKIP {2}directory add --google-user <email of a Workspace user>/);
    expect(run.stdout).toContain('0 failed, 4 passed, 3 skipped');
    expect(run.code).toBe(0);
  });

  it("in Azure (an identity endpoint), gets the managed-identity bot's token through the real credential", async () => {
    const identity = { IDENTITY_ENDPOINT: entra.identityEndpoint, IDENTITY_HEADER: entra.identityHeader };
    const issued = entra.issuedCount;
    const run = await doctor(settings({ BOT_PASSWORD: undefined, ...identity }));
    expect(run.lines.bot).toMatch(
      new RegExp(
        `^PASS {2}bot {5}Bot Framework token \\(https://api.botframework.com/.default\\) for the managed identity ${BOT.id}`,
      ),
    );
    expect(entra.issuedCount).toBe(issued + 1);
    expect(run.code).toBe(0);

    // an identity not attached to the app: FAIL with the fix; a wrong header: FAIL too, never PASS
    const stranger = await doctor(
      settings({ BOT_PASSWORD: undefined, BOT_ID: '00000000-0000-0000-0000-00000000beef', ...identity }),
    );
    expectOnlyFailure(stranger, 'bot');
    expect(stranger.lines.bot).toContain(
      'the managed identity 00000000-0000-0000-0000-00000000beef got no token',
    );
    expect(stranger.lines.bot).toContain('attach the user-assigned identity whose client id is BOT_ID');
    const forged = await doctor(settings({ BOT_PASSWORD: undefined, ...identity, IDENTITY_HEADER: 'guess' }));
    expectOnlyFailure(forged, 'bot');
  });

  it('fails a check whose dependency does not answer in time, saying so', async () => {
    const silent = await silentServer();
    try {
      const run = await doctor(settings({ COSMOS_ENDPOINT: `http://127.0.0.1:${silent.port}` }), [
        '--timeout',
        '1',
        ...fakes(),
      ]);

      expect(run.lines.store).toMatch(
        /^FAIL {2}store {3}no answer within 1 s\. Fix: check that http:\/\/127\.0\.0\.1:\d+ is reachable from here/,
      );
      expect(run.code).toBe(1);
    } finally {
      await silent.stop();
    }
  });

  it('refuses a bad command line with exit status 2', async () => {
    const run = await doctor(settings(), ['--google-user', 'not-an-email']);

    expect(run.stdout).toContain("--google-user must be an email address, got 'not-an-email'");
    expect(run.code).toBe(2);
  });
});

/** Accepts connections and never answers. */
async function silentServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
