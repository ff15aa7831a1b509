import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, userIdOf } from '../../shared/domain/index.js';
import { maintainCalendars } from '../../shared/services/calendar/maintain-calendars.js';
import { watchCalendar } from '../support/watch-calendar.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import { derivedAadObjectId } from '../../sandbox/fake-teams/teams-ids.js';
import { FunctionAdapter } from '../../teams-app/bot/function-adapter.js';
import { ANA, DEV, MARIA, botHarness, weeklyWith } from '../support/bot-harness.js';
import { calendarHarness } from '../support/calendar-harness.js';
import { storeSnapshot } from '../support/store-snapshot.js';

/**
 * Issue 9, item 4: every way in that must be refused, in one place. Each case checks the refusal
 * (status or reply), that the store did not change (not one write: etags included), and that no
 * message went to anyone but, at most, the refusal to the person who tried.
 */

const EVE = 'eve@fabrikam.com';
const PEOPLE = [MARIA, DEV, ANA, EVE];
const DEV_PAIR = pairIdOf(MARIA, DEV);
const ANA_PAIR = pairIdOf(MARIA, ANA);
const APP_ID = '00000000-0000-0000-0000-000000000001';
const EVE_USER = userIdOf('tenant-fabrikam', derivedAadObjectId('tenant-fabrikam', EVE));

let refused = 0;
afterAll(() => console.log(`access: ${refused} attempts refused`));

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function started(reports: string[] = [DEV], ...installs: string[]): Promise<Harness> {
  h = await botHarness({ reports });
  await h.install(MARIA, ...reports, ...installs);
  return h;
}

const conversationOf = (bot: Harness, email: string) =>
  bot.teams.conversations().find((c) => c.email === email)?.id ?? `(no chat for ${email})`;

/**
 * Runs `attempt` and checks it changed nothing: the store (every document and etag of everyone's
 * users, pairs, jobs and calendars, plus `userIds`), everyone's chat but `actor`'s, and that every
 * Bot Connector call went to `actor`'s own chat (their refusal); with no actor, no call at all.
 */
async function expectNoEffect(
  bot: Harness,
  actor: string | undefined,
  attempt: () => Promise<void>,
  userIds: string[] = [],
): Promise<void> {
  const before = await storeSnapshot(bot.store, PEOPLE, userIds);
  const chats = PEOPLE.map((p) => bot.teams.activities(p).length);
  const requests = bot.teams.requests.length;
  await attempt();
  await bot.teams.flush();
  expect(await storeSnapshot(bot.store, PEOPLE, userIds)).toEqual(before);
  PEOPLE.forEach((person, i) => {
    if (person !== actor) expect(bot.teams.activities(person).length, `messages to ${person}`).toBe(chats[i]);
  });
  const calls = bot.teams.requests.slice(requests).map((r) => r.path);
  if (actor === undefined) expect(calls).toEqual([]);
  else for (const path of calls) expect(path).toContain(conversationOf(bot, actor));
}

/** The bot's last text message in a person's chat. */
const lastText = (bot: Harness, email: string) =>
  bot.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .at(-1)?.text ?? '';

/** What an invoke answered in the pressed card's place, as text. */
const invokeText = (body: unknown) =>
  JSON.stringify((body as { value?: unknown } | undefined)?.value ?? body);

/** A message as Teams would post it, for the cases where a test forges one. */
function activity(overrides: Record<string, unknown>) {
  return {
    type: 'message',
    id: `forged-${randomUUID()}`,
    text: 'add forged topic',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: '29:1forged', aadObjectId: 'aad-forged', name: 'Forger' },
    recipient: { id: '28:steady-bot', name: 'Steady' },
    conversation: { id: 'a:1forged', tenantId: 'tenant-contoso', conversationType: 'personal' },
    channelData: { tenant: { id: 'tenant-contoso' } },
    ...overrides,
  };
}

/** Dev's real identity and chat, as Steady stored them at install. */
async function devActivity(bot: Harness, overrides: Record<string, unknown> = {}) {
  const dev = await userByEmail(bot.store, DEV);
  if (dev?.conversation === undefined) throw new Error('Dev has not installed Steady');
  return activity({
    serviceUrl: dev.conversation.serviceUrl,
    from: { id: '29:1dev', aadObjectId: dev.aadObjectId, name: 'Dev Patel' },
    conversation: {
      id: dev.conversation.conversationId,
      tenantId: 'tenant-contoso',
      conversationType: 'personal',
    },
    ...overrides,
  });
}

describe('a person outside the pair', () => {
  it('by chat: every command is answered as if there were no 1:1, and nothing reaches the pair', async () => {
    const bot = await started([DEV], ANA);
    await bot.teams.say(DEV, 'add Dev worries about the reorg');
    await bot.teams.say(DEV, 'action Update the CV by 2026-03-20');
    for (const text of [
      'add sneaky',
      'note sneaky',
      'private sneaky',
      'action @dev sneaky',
      'done 1',
      'agenda',
      'pause',
    ]) {
      await expectNoEffect(bot, ANA, async () => {
        await bot.teams.say(ANA, text);
        expect(lastText(bot, ANA)).toMatch(/not found a recurring 1:1/);
        expect(lastText(bot, ANA)).not.toMatch(/reorg|CV/);
      });
      refused++;
    }
  });

  it('by card actions naming the pair: each press is refused and nothing of the pair shows', async () => {
    const bot = await started([DEV], ANA);
    await bot.teams.say(DEV, 'add Dev worries about the reorg');
    await bot.teams.say(DEV, 'action Update the CV');
    const topic = (await bot.store.pairs.list(DEV_PAIR, { type: 'topic' })).items[0]?.doc.id ?? '';
    const task = (await bot.store.pairs.list(DEV_PAIR, { type: 'actionItem' })).items[0]?.doc.id ?? '';
    const occurrenceId = (await pairOccurrences(bot.store, DEV_PAIR))[0]?.id ?? '';
    const presses = [
      { verb: 'markCovered', data: { pairId: DEV_PAIR, topicId: topic } },
      { verb: 'markDone', data: { pairId: DEV_PAIR, actionItemId: task } },
      { verb: 'addTopic', data: { pairId: DEV_PAIR, occurrenceId, topic: 'sneaky' } },
      { verb: 'submitDeepDive', data: { pairId: DEV_PAIR, occurrenceId, happiness: 2, share: true } },
      { verb: 'choosePair', data: { pairId: DEV_PAIR, command: 'add sneaky' } },
      { verb: 'choosePair', data: { pairId: DEV_PAIR, command: 'agenda' } },
    ];
    for (const press of presses) {
      await expectNoEffect(bot, ANA, async () => {
        const reply = await bot.teams.invoke(ANA, press);
        expect(reply.status).toBe(200);
        expect(invokeText(reply.body)).toMatch(/not one of yours\. Nothing was changed/);
        expect(invokeText(reply.body)).not.toMatch(/reorg|CV/);
      });
      refused++;
    }
  });
});

describe('a person from another tenant', () => {
  it('is refused with 403 before anything runs: install, message, card press, or a borrowed identity', async () => {
    const bot = await started([DEV]);
    await bot.teams.say(DEV, 'add Dev topic');
    const topic = (await bot.store.pairs.list(DEV_PAIR, { type: 'topic' })).items[0]?.doc.id ?? '';
    const dev = await userByEmail(bot.store, DEV);
    const attempts: [string, () => Promise<{ status: number }>][] = [
      ['install', () => bot.teams.install(EVE)],
      ['message', () => bot.teams.say(EVE, 'add from fabrikam')],
      [
        'card press',
        () => bot.teams.invoke(EVE, { verb: 'markCovered', data: { pairId: DEV_PAIR, topicId: topic } }),
      ],
      [
        "Dev's object id and chat, fabrikam's tenant",
        async () =>
          bot.teams.sendRaw(
            await devActivity(bot, {
              channelData: { tenant: { id: 'tenant-fabrikam' } },
              conversation: { id: dev?.conversation?.conversationId, tenantId: 'tenant-fabrikam' },
            }),
          ),
      ],
    ];
    for (const [what, attempt] of attempts) {
      await expectNoEffect(bot, undefined, async () => expect((await attempt()).status, what).toBe(403), [
        EVE_USER,
      ]);
      refused++;
    }
    expect(await bot.store.users.get(EVE_USER, EVE_USER)).toBeUndefined();
  });
});

describe('a forged card payload naming another pair', () => {
  it("Dev pressing with Ana's pair, or Ana's items under his own pair, changes nothing", async () => {
    const bot = await started([DEV, ANA]);
    await bot.teams.say(ANA, 'add Ana wants a raise');
    await bot.teams.say(ANA, 'action Ana: salary benchmark');
    await bot.teams.say(DEV, 'add Dev topic');
    const anaTopic = (await bot.store.pairs.list(ANA_PAIR, { type: 'topic' })).items[0]?.doc.id ?? '';
    const anaTask = (await bot.store.pairs.list(ANA_PAIR, { type: 'actionItem' })).items[0]?.doc.id ?? '';
    const anaOccurrence = (await pairOccurrences(bot.store, ANA_PAIR))[0]?.id ?? '';
    const devOccurrence = (await pairOccurrences(bot.store, DEV_PAIR))[0]?.id ?? '';
    const cases: [{ verb: string; data: Record<string, unknown> }, RegExp][] = [
      [{ verb: 'markCovered', data: { pairId: ANA_PAIR, topicId: anaTopic } }, /not one of yours/],
      [{ verb: 'markDone', data: { pairId: ANA_PAIR, actionItemId: anaTask } }, /not one of yours/],
      [
        { verb: 'addTopic', data: { pairId: ANA_PAIR, occurrenceId: anaOccurrence, topic: 'sneaky' } },
        /not one of yours/,
      ],
      [
        {
          verb: 'submitDeepDive',
          data: { pairId: ANA_PAIR, occurrenceId: anaOccurrence, happiness: 1, share: true },
        },
        /not one of yours/,
      ],
      [{ verb: 'choosePair', data: { pairId: ANA_PAIR, command: 'agenda' } }, /not one of yours/],
      [{ verb: 'choosePair', data: { pairId: ANA_PAIR, command: 'note sneaky' } }, /not one of yours/],
      // his own pair, her item ids: looked up in his pair's partition only, so not found
      [{ verb: 'markCovered', data: { pairId: DEV_PAIR, topicId: anaTopic } }, /could not find that item/],
      [{ verb: 'markDone', data: { pairId: DEV_PAIR, actionItemId: anaTask } }, /could not find that item/],
      [
        { verb: 'submitDeepDive', data: { pairId: DEV_PAIR, occurrenceId: anaOccurrence, happiness: 1 } },
        /no longer on the calendar/,
      ],
    ];
    for (const [press, reply] of cases) {
      await expectNoEffect(bot, DEV, async () => {
        const answer = await bot.teams.invoke(DEV, press);
        expect(answer.status).toBe(200);
        expect(invokeText(answer.body)).toMatch(reply);
        expect(invokeText(answer.body)).not.toMatch(/raise|salary/);
      });
      refused++;
    }
    // identity comes from the activity, never from card data: Maria cannot answer as Dev by saying so
    const dev = await userByEmail(bot.store, DEV);
    await expectNoEffect(bot, MARIA, async () => {
      const answer = await bot.teams.invoke(MARIA, {
        verb: 'submitDeepDive',
        data: {
          pairId: DEV_PAIR,
          occurrenceId: devOccurrence,
          happiness: 10,
          reportEmail: DEV,
          email: DEV,
          userId: dev?.userId,
          from: { aadObjectId: dev?.aadObjectId },
        },
      });
      expect(invokeText(answer.body)).toMatch(/Only the report/);
    });
    refused++;

    // "delete everything" names nobody: data pointing at Ana's pair and identity still erases only Dev
    const ana = await userByEmail(bot.store, ANA);
    // Ana's documents: her user, her pair, her calendar, her series' jobs (job buckets are shared by time)
    const anasOwn = async () =>
      (await storeSnapshot(bot.store, [ANA])).filter((line) =>
        line.startsWith('calendars/')
          ? line.startsWith(`calendars/${ANA}/`)
          : !line.startsWith('jobs/') || line.includes('weekly-ana@'),
      );
    const anaBefore = await anasOwn();
    const anaChat = bot.teams.activities(ANA).length;
    const erased = await bot.teams.invoke(DEV, {
      verb: 'eraseMe',
      data: {
        confirm: 'erase',
        pairId: ANA_PAIR,
        email: ANA,
        userId: ana?.userId,
        aadObjectId: ana?.aadObjectId,
      },
    });
    expect(invokeText(erased.body)).toMatch(/^"Deleted: \d+ records, including your 1:1s with Maria Lopez\./);
    expect(await userByEmail(bot.store, DEV)).toBeUndefined();
    expect(await anasOwn()).toEqual(anaBefore);
    expect(await userByEmail(bot.store, ANA)).toEqual(ana);
    expect(bot.teams.activities(ANA)).toHaveLength(anaChat);
    refused++;
  });
});

describe('calls to /api/messages that are not from the Bot Framework', () => {
  it('refuses a call without a valid token (none, empty, not a JWT, unsigned) with 401', async () => {
    h = await botHarness({ secure: true });
    const bot = h;
    const forged = activity({ from: { id: '29:1dev', aadObjectId: 'aad-dev', name: 'Dev' } });
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(forged.serviceUrl))}.`;
    for (const authorization of [
      '',
      'Bearer ',
      'Bearer not-a-jwt',
      'Basic ZGV2OmRldg==',
      `Bearer ${unsigned}`,
    ]) {
      await expectNoEffect(
        bot,
        undefined,
        async () =>
          expect((await bot.teams.sendRaw(forged, { authorization })).status, authorization).toBe(401),
        [userIdOf('tenant-contoso', 'aad-dev')],
      );
      refused++;
    }
  });

  it('refuses a token signed with a key the Bot Framework metadata does not list, with 401', async () => {
    // Steady's bot as deployed (secret auth). Offline, the SDK cannot load Microsoft's keys at all, so
    // this only shows that such a token gets no further than the SDK; the next test shows why.
    h = await botHarness({ secure: true });
    const bot = h;
    const forged = activity({ from: { id: '29:1dev', aadObjectId: 'aad-dev', name: 'Dev' } });
    const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = jwt(attacker.privateKey, 'forged-kid', claims(forged.serviceUrl));
    await expectNoEffect(
      bot,
      undefined,
      async () =>
        expect((await bot.teams.sendRaw(forged, { authorization: `Bearer ${token}` })).status).toBe(401),
      [userIdOf('tenant-contoso', 'aad-dev')],
    );
    refused++;
  });

  it('checks the token before tenant and serviceUrl: without one, an allowed tenant, another and a forged serviceUrl get the same 401', async () => {
    const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keys = await serveKeys(trusted.publicKey, 'steady-test-kid');
    try {
      h = await botHarness({
        secure: true,
        cloud: withOverrides(PUBLIC, { openIdMetadataUrl: `${keys.url}/v1/.well-known/openidconfiguration` }),
      });
      const bot = h;
      const fabrikam = { tenantId: 'tenant-fabrikam', conversationType: 'personal', id: 'a:1eve' };
      const bodies = {
        'an allowed tenant': activity({ text: 'help' }),
        'another tenant': activity({
          conversation: fabrikam,
          channelData: { tenant: { id: 'tenant-fabrikam' } },
        }),
        'a forged serviceUrl': activity({ serviceUrl: 'https://attacker.example/' }),
      };
      const forged = jwt(
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        'steady-test-kid',
        {},
      );
      for (const [what, body] of Object.entries(bodies))
        for (const authorization of [undefined, `Bearer ${forged}`])
          await expectNoEffect(bot, undefined, async () => {
            const reply = await bot.teams.sendRaw(body, authorization === undefined ? {} : { authorization });
            expect(
              [reply.status, reply.body],
              `${what}, ${authorization === undefined ? 'no token' : 'a forged one'}`,
            ).toEqual([401, { error: 'UNAUTHORIZED' }]);
            refused++;
          });
      // with a token the Bot Framework signed, the tenant and serviceUrl checks still apply
      const signed = (body: { serviceUrl: string }) => ({
        authorization: `Bearer ${jwt(trusted.privateKey, 'steady-test-kid', claims(body.serviceUrl))}`,
      });
      for (const what of ['another tenant', 'a forged serviceUrl'] as const)
        await expectNoEffect(bot, undefined, async () => {
          const reply = await bot.teams.sendRaw(bodies[what], signed(bodies[what]));
          expect(reply.status, what).toBe(403);
          refused++;
        });
      const allowed = bodies['an allowed tenant'];
      expect((await bot.teams.sendRaw(allowed, signed(allowed))).status).toBe(200); // the control
    } finally {
      await keys.stop();
    }
  });

  it("the Teams SDK, pointed at local OpenID metadata, takes only tokens signed with the metadata's key", async () => {
    // createBot gives the SDK no way to change its metadata URL, so this is the SDK's App as createBot
    // configures it (secret auth, unauthenticated requests off, the same FunctionAdapter), with its
    // `cloud` pointing the OpenID metadata at a local keys document.
    const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keys = await serveKeys(trusted.publicKey, 'steady-test-kid');
    try {
      const adapter = new FunctionAdapter();
      const app = new App({
        httpServerAdapter: adapter,
        clientId: APP_ID,
        clientSecret: 'x',
        tenantId: 'tenant-contoso',
        dangerouslyAllowUnauthenticatedRequests: false,
        cloud: withOverrides(PUBLIC, { openIdMetadataUrl: `${keys.url}/v1/.well-known/openidconfiguration` }),
        logger: silent,
      });
      let handled = 0;
      app.on('message', async () => void handled++);
      await app.initialize();
      const body = activity({ text: 'help' });
      const post = async (token: string) =>
        (await adapter.handle({ body, headers: { authorization: `Bearer ${token}` } })).status;
      const good = claims(body.serviceUrl);

      expect(await post(jwt(trusted.privateKey, 'steady-test-kid', good))).toBe(200); // the control
      expect(handled).toBe(1);
      const forgeries: [string, string][] = [
        ['another key, same kid', jwt(attacker.privateKey, 'steady-test-kid', good)],
        ['another key, its own kid', jwt(attacker.privateKey, 'attacker-kid', good)],
        ['payload changed after signing', tamper(jwt(trusted.privateKey, 'steady-test-kid', good))],
        ['another audience', jwt(trusted.privateKey, 'steady-test-kid', { ...good, aud: 'someone-else' })],
        [
          'another issuer',
          jwt(trusted.privateKey, 'steady-test-kid', { ...good, iss: 'https://evil.example' }),
        ],
        ['expired', jwt(trusted.privateKey, 'steady-test-kid', { ...good, exp: now() - 3600 })],
        [
          'signed for another serviceUrl',
          jwt(trusted.privateKey, 'steady-test-kid', {
            ...good,
            serviceurl: 'https://smba.trafficmanager.net/amer/',
          }),
        ],
      ];
      for (const [what, token] of forgeries) {
        expect(await post(token), what).toBe(401);
        refused++;
      }
      expect(handled).toBe(1);
    } finally {
      await keys.stop();
    }
  });
});

describe('a forged serviceUrl', () => {
  it("refuses an activity in Dev's name whose serviceUrl is not a Bot Framework host, and calls nothing", async () => {
    const bot = await started([DEV]);
    const stored = (await userByEmail(bot.store, DEV))?.conversation?.serviceUrl;
    for (const serviceUrl of [
      'https://attacker.example.com/',
      'https://smba.trafficmanager.net.attacker.example/',
      // each Bot Framework host pattern with a suffix: the pattern must be anchored at its end
      'https://smba.botframework.com.attacker.example/',
      'https://europe.smba.botframework.com.attacker.example/',
      'https://smba.infra.gcc.teams.microsoft.com.attacker.example/',
      'https://smba.infra.dod.teams.microsoft.us.attacker.example/',
      'https://api.botframework.azure.us.attacker.example/',
      'https://attacker.example/smba.trafficmanager.net/',
      'https://user:pw@smba.trafficmanager.net/emea/',
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net:8443/emea/',
      'https://evilbotframework.com/',
      'ftp://smba.trafficmanager.net/',
      'https://169.254.169.254/metadata/',
    ]) {
      await expectNoEffect(bot, undefined, async () => {
        expect((await bot.teams.sendRaw(await devActivity(bot, { serviceUrl }))).status, serviceUrl).toBe(
          403,
        );
      });
      refused++;
    }
    expect((await userByEmail(bot.store, DEV))?.conversation?.serviceUrl).toBe(stored);
  });

  it('in Azure mode, never calls a forged serviceUrl, not even on this machine', async () => {
    const requests: string[] = [];
    const attacker = createServer((req, res) => {
      requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      h = await botHarness({ secure: true });
      const bot = h;
      const { port } = attacker.address() as AddressInfo;
      for (const serviceUrl of [
        `http://127.0.0.1:${port}/`,
        `https://127.0.0.1:${port}/`,
        `http://localhost:${port}/`,
      ]) {
        await expectNoEffect(bot, undefined, async () => {
          // no token: refused before anything else is looked at (the next test shows the 403 behind it)
          const reply = await bot.teams.sendRaw(activity({ serviceUrl }));
          expect(reply.status, serviceUrl).toBe(401);
        });
        refused++;
      }
      expect(requests).toEqual([]);
    } finally {
      attacker.closeAllConnections();
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
  });
});

describe('the calendar webhook with a wrong channel token', () => {
  it('answers 200, enqueues nothing and writes nothing, for every near miss of a real notification', async () => {
    const cal = await calendarHarness({ start: '2026-03-01T00:00:00Z' });
    try {
      for (const [email, userId] of [
        [MARIA, 'user-maria'],
        [DEV, 'user-dev'],
      ] as const) {
        cal.fake.upsertEvent(email, weeklyWith(DEV));
        await watchCalendar(cal.deps, email, userId);
      }
      await cal.drainSyncs();
      const channelOf = async (email: string) => {
        const channel = (await cal.store.calendars.get(email, email))?.doc.channel;
        if (channel?.resourceId === undefined) throw new Error(`no channel for ${email}`);
        return { ...channel, resourceId: channel.resourceId };
      };
      const uri = (email: string) =>
        `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(email)}/events?alt=json`;
      const headersFor = (c: { id: string; token: string; resourceId: string }, email: string) => ({
        'X-Goog-Channel-ID': c.id,
        'X-Goog-Channel-Token': c.token,
        'X-Goog-Resource-ID': c.resourceId,
        'X-Goog-Resource-URI': uri(email),
        'X-Goog-Resource-State': 'exists',
        'X-Goog-Message-Number': '7',
      });
      const maria = await channelOf(MARIA);
      const dev = await channelOf(DEV);
      const right = headersFor(maria, MARIA);
      const { ['X-Goog-Channel-Token']: _token, ...withoutToken } = right;

      // a channel replaced by renewal and stopped: its token no longer opens anything
      cal.time.set(new Date(new Date(maria.expiration ?? '').getTime() - 23 * 3600_000).toISOString());
      await maintainCalendars(cal.deps);
      await cal.drainSyncs();
      expect((await channelOf(MARIA)).id).not.toBe(maria.id);
      const renewed = await channelOf(MARIA);

      const attempts: [string, Record<string, string>][] = [
        ['a wrong token', { ...headersFor(renewed, MARIA), 'X-Goog-Channel-Token': 'x'.repeat(43) }],
        [
          'the token cut short',
          { ...headersFor(renewed, MARIA), 'X-Goog-Channel-Token': renewed.token.slice(0, -1) },
        ],
        ['an empty token', { ...headersFor(renewed, MARIA), 'X-Goog-Channel-Token': '' }],
        [
          'no token',
          Object.fromEntries(Object.entries(headersFor(renewed, MARIA)).filter(([k]) => !/Token/.test(k))),
        ],
        [
          "Dev's channel token with Maria's channel",
          { ...headersFor(renewed, MARIA), 'X-Goog-Channel-Token': dev.token },
        ],
        [
          "Maria's channel and token for Dev's calendar",
          { ...headersFor(renewed, MARIA), 'X-Goog-Resource-URI': uri(DEV) },
        ],
        ['another resource id', { ...headersFor(renewed, MARIA), 'X-Goog-Resource-ID': dev.resourceId }],
        ['the stopped channel, with its own token', right],
        ['the stopped channel, without a token', withoutToken],
      ];
      const post = (headers: Record<string, string>) =>
        fetch(cal.deps.settings.webhookUrl, { method: 'POST', headers });
      for (const [what, headers] of attempts) {
        const before = await storeSnapshot(cal.store, [MARIA, DEV]);
        expect((await post(headers)).status, what).toBe(200);
        expect(cal.queued.messages, what).toEqual([]);
        expect(await storeSnapshot(cal.store, [MARIA, DEV]), what).toEqual(before);
        refused++;
      }
      // the control: the live channel with its own token starts a sync
      expect((await post(headersFor(renewed, MARIA))).status).toBe(202);
      expect(cal.queued.take('calendar-sync')).toHaveLength(1);
    } finally {
      await cal.stop();
    }
  });
});

// ── JWTs ──────────────────────────────────────────────────────────────────────────────────────

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The claims of a Bot Framework token for Steady's app id and this activity's serviceUrl. */
function claims(serviceUrl: string): Record<string, unknown> {
  return {
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: serviceUrl,
    nbf: now() - 60,
    iat: now() - 60,
    exp: now() + 3600,
  };
}

function jwt(key: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}

/** The same signature over a payload that now claims another app. */
function tamper(token: string): string {
  const [head = '', payload = '', signature = ''] = token.split('.');
  const claimed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${head}.${b64({ ...claimed, appid: 'attacker-app', sub: 'attacker' })}.${signature}`;
}

/** An OpenID keys document (`/v1/.well-known/keys`) listing one RSA public key. */
async function serveKeys(publicKey: KeyObject, kid: string): Promise<{ url: string; stop(): Promise<void> }> {
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/v1/.well-known/keys')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const silent = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  log: () => undefined,
  trace: () => undefined,
  child: () => silent,
} as never;
