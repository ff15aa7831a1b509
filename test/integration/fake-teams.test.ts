import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/teams.api';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTeams, type FakeTeams, type FakeTeamsOptions } from '../../sandbox/fake-teams/index.js';

const ADA = 'ada@contoso.example';
const BOB = 'bob@contoso.example';
const BOT_ID = '28:steady-bot-test';
const NOW = Date.parse('2026-03-02T09:00:00.250Z');
const CARD = 'application/vnd.microsoft.card.adaptive';

interface Received {
  headers: IncomingHttpHeaders;
  activity: Record<string, unknown>;
}
type BotAnswer = { status: number; body?: unknown } | undefined;

/** A stand-in for the bot: records what Teams posts, answers 200 (or what `answer` says). */
async function startTestBot(
  answer: (activity: Record<string, unknown>) => Promise<BotAnswer> | BotAnswer = () => undefined,
) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      received.push({ headers: req.headers, activity });
      void Promise.resolve(answer(activity)).then((reply) => {
        const { status, body } = reply ?? { status: 200, body: {} };
        if (body === undefined) res.writeHead(status).end();
        else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    received,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function setup(options: FakeTeamsOptions = {}, answer?: Parameters<typeof startTestBot>[0]) {
  const bot = await startTestBot(answer);
  stops.push(bot.stop);
  const fake = await startFakeTeams({
    botId: BOT_ID,
    people: [
      { email: ADA, name: 'Ada Lovelace', timeZone: 'Europe/Berlin' },
      { email: BOB, name: 'Bob Martin', aadObjectId: '00000000-0000-4000-a000-00000000000b' },
    ],
    now: () => NOW,
    botEndpoint: bot.url,
    ...options,
  });
  stops.push(() => fake.stop());
  // The real SDK client as the bot builds it, with a token so it sends `Authorization`.
  const client = new Client(fake.url, { token: 'bot-token' });
  return { fake, bot, client };
}

/** The HTTP failure the SDK client throws (an axios error). */
async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const { response } = error as {
      response?: { status: number; headers: Record<string, unknown>; data: unknown };
    };
    if (response) return response;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function chatOf(fake: FakeTeams, email: string): string {
  const chat = fake.conversations().find((c) => c.email === email);
  if (!chat) throw new Error(`no chat for ${email}`);
  return chat.id;
}

function card(title: string) {
  return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] };
}

describe('fake Teams: the Teams client posting to the bot', () => {
  it('install sends conversationUpdate (bot and person added) then installationUpdate add, as Teams does', async () => {
    const { fake, bot } = await setup();
    const reply = await fake.install(ADA);

    expect(reply.status).toBe(200);
    expect(bot.received.map((r) => r.activity['type'])).toEqual(['conversationUpdate', 'installationUpdate']);
    const [update, install] = bot.received.map((r) => r.activity);
    const conversationId = chatOf(fake, ADA);
    expect(conversationId).toMatch(/^a:1[\w-]+$/);
    expect(fake.conversations()).toEqual([{ id: conversationId, email: ADA, tenantId: 'tenant-contoso' }]);
    const userId = (update?.['from'] as { id: string }).id;
    expect(userId).toMatch(/^29:1[\w-]+$/);
    expect(update).toMatchObject({
      id: expect.stringMatching(/^f:/) as unknown,
      timestamp: '2026-03-02T09:00:00.250Z',
      localTimestamp: '2026-03-02T10:00:00.250+01:00',
      serviceUrl: fake.url,
      channelId: 'msteams',
      from: {
        id: userId,
        name: 'Ada Lovelace',
        aadObjectId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      },
      recipient: { id: BOT_ID, name: 'Steady' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-contoso' },
      channelData: { tenant: { id: 'tenant-contoso' } },
      locale: 'en-US',
      membersAdded: [{ id: BOT_ID }, { id: userId }],
    });
    expect(install).toMatchObject({
      type: 'installationUpdate',
      action: 'add',
      conversation: { id: conversationId },
    });
    for (const { headers } of bot.received) {
      expect(headers['content-type']).toBe('application/json');
      expect(headers.authorization).toMatch(/^Bearer \S+/);
    }
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('say sends a message with a numeric id and returns the bot answer', async () => {
    const { fake, bot } = await setup({}, (a) =>
      a['type'] === 'message' ? { status: 202, body: { ok: 1 } } : undefined,
    );
    await fake.install(BOB);
    const reply = await fake.say(BOB, 'add topic: hiring');

    expect(reply).toEqual({ status: 202, body: { ok: 1 } });
    expect(bot.received.at(-1)?.activity).toMatchObject({
      type: 'message',
      id: expect.stringMatching(/^\d+$/) as unknown,
      text: 'add topic: hiring',
      textFormat: 'plain',
      from: { aadObjectId: '00000000-0000-4000-a000-00000000000b', name: 'Bob Martin' },
      conversation: { id: chatOf(fake, BOB), conversationType: 'personal' },
      localTimezone: 'UTC',
    });
    await expect(fake.say(ADA, 'not installed')).rejects.toThrow(/install first/);
  });

  it('invoke sends adaptiveCard/action with the verb and data and returns the invoke response', async () => {
    const invokeResponse = {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Saved',
    };
    const { fake, bot, client } = await setup({}, (a) =>
      a['type'] === 'invoke' ? { status: 200, body: invokeResponse } : undefined,
    );
    await fake.install(ADA);
    const sent = await client.conversations.createActivity(chatOf(fake, ADA), {
      type: 'message',
      attachments: [{ contentType: CARD, content: card('Agenda') }],
    });
    const reply = await fake.invoke(ADA, { verb: 'addTopic', data: { topic: 'pay' } });

    expect(reply).toEqual({ status: 200, body: invokeResponse });
    expect(bot.received.at(-1)?.activity).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: sent.id,
      value: {
        action: { type: 'Action.Execute', verb: 'addTopic', data: { topic: 'pay' } },
        trigger: 'manual',
      },
    });
    await fake.invoke(ADA, { verb: 'x', data: {} }, '12345');
    expect(bot.received.at(-1)?.activity['replyToId']).toBe('12345');
  });

  it('a card in the invoke response replaces the pressed card, as the Teams client shows it', async () => {
    const { fake, client } = await setup({}, (a) =>
      a['type'] === 'invoke'
        ? { status: 200, body: { statusCode: 200, type: CARD, value: card('Done') } }
        : undefined,
    );
    await fake.install(ADA);
    const sent = await client.conversations.createActivity(chatOf(fake, ADA), {
      type: 'message',
      attachments: [{ contentType: CARD, content: card('Agenda') }],
    });
    await fake.invoke(ADA, { verb: 'done', data: {} }, sent.id);

    expect(fake.latestCard(ADA)).toEqual({ activityId: sent.id, card: card('Done') });
    expect(fake.activities(ADA).at(-1)).toMatchObject({ op: 'update', id: sent.id, via: 'invokeResponse' });
  });

  it('a bot that replies through the serviceUrl of the activity lands in the chat', async () => {
    const { fake } = await setup({}, async (activity) => {
      if (activity['type'] !== 'message') return undefined;
      const replier = new Client(String(activity['serviceUrl']).replace(/\/$/, ''), { token: 't' });
      const conversation = activity['conversation'] as { id: string };
      await replier.conversations.replyToActivity(conversation.id, String(activity['id']), {
        type: 'message',
        text: `echo: ${String(activity['text'])}`,
      });
      return undefined;
    });
    await fake.install(ADA);
    await fake.say(ADA, 'hello');

    const [reply] = fake.activities(ADA);
    expect(reply).toMatchObject({
      op: 'send',
      type: 'message',
      text: 'echo: hello',
      conversationId: chatOf(fake, ADA),
    });
    expect(reply?.replyToId).toMatch(/^\d+$/);
    expect(fake.activities(BOB)).toEqual([]);
  });

  it('uninstall sends installationUpdate remove; the app is gone before the bot handles it', async () => {
    const seen: number[] = [];
    const { fake, bot } = await setup({}, async (activity) => {
      if (activity['action'] !== 'remove') return undefined;
      const client = new Client(String(activity['serviceUrl']), { token: 't' });
      const conversation = activity['conversation'] as { id: string };
      seen.push(
        (
          await failure(
            client.conversations.createActivity(conversation.id, { type: 'message', text: 'bye' }),
          )
        ).status,
      );
      return undefined;
    });
    await fake.install(ADA);
    await fake.uninstall(ADA);

    expect(bot.received.at(-1)?.activity).toMatchObject({ type: 'installationUpdate', action: 'remove' });
    expect(seen).toEqual([403]);
    await fake.install(ADA);
    expect(fake.conversations()).toHaveLength(1);
  });

  it('sendRaw posts a forged activity as is, with header overrides and removals', async () => {
    const { fake, bot } = await setup();
    const forged = { type: 'message', text: 'hi', serviceUrl: 'https://evil.example/' };
    const reply = await fake.sendRaw(forged, { authorization: '', 'x-test': 'yes' });

    expect(reply.status).toBe(200);
    expect(bot.received[0]?.activity).toEqual(forged);
    expect(bot.received[0]?.headers.authorization).toBeUndefined();
    expect(bot.received[0]?.headers['x-test']).toBe('yes');
  });
});

describe('fake Teams: the Bot Connector for the real SDK client', () => {
  it('sends, updates and deletes; latestCard follows updates; activities logs each op in order', async () => {
    const { fake, client } = await setup();
    await fake.install(ADA);
    const conversationId = chatOf(fake, ADA);

    const text = await client.conversations.createActivity(conversationId, {
      type: 'message',
      text: 'Hi Ada',
    });
    const agenda = await client.conversations.createActivity(conversationId, {
      type: 'message',
      attachments: [{ contentType: CARD, content: card('Agenda v1') }],
    });
    expect(text.id).toMatch(/^\d+$/);
    expect(agenda.id).not.toBe(text.id);
    expect(fake.latestCard(ADA)).toEqual({ activityId: agenda.id, card: card('Agenda v1') });

    const updated = await client.conversations.updateActivity(conversationId, agenda.id, {
      type: 'message',
      attachments: [{ contentType: CARD, content: card('Agenda v2') }],
    });
    expect(updated.id).toBe(agenda.id);
    expect(fake.latestCard(ADA)).toEqual({ activityId: agenda.id, card: card('Agenda v2') });
    expect(fake.activities(ADA).map(({ op, id, text }) => ({ op, id, text }))).toEqual([
      { op: 'send', id: text.id, text: 'Hi Ada' },
      { op: 'send', id: agenda.id, text: undefined },
      { op: 'update', id: agenda.id, text: undefined },
    ]);
    expect(fake.activities(ADA)[1]?.attachments).toEqual([{ contentType: CARD, content: card('Agenda v2') }]);

    await client.conversations.deleteActivity(conversationId, agenda.id);
    expect(fake.latestCard(ADA)).toBeUndefined();
    expect(
      (
        await failure(
          client.conversations.updateActivity(conversationId, agenda.id, { type: 'message', text: 'x' }),
        )
      ).status,
    ).toBe(404);
    expect(fake.requests.map(({ method, status }) => `${method} ${status}`)).toEqual([
      'POST 201',
      'POST 201',
      'PUT 200',
      'DELETE 200',
      'PUT 404',
    ]);
    expect(fake.requests[0]).toMatchObject({
      path: `/v3/conversations/${conversationId}/activities`,
      auth: 'Bearer bot-token',
      at: NOW,
    });
  });

  it('create conversation returns the person’s existing personal chat, by Teams user id or object id', async () => {
    const { fake, bot, client } = await setup();
    await fake.install(BOB);
    const userId = (bot.received[0]?.activity['from'] as { id: string }).id;
    const params = {
      isGroup: false,
      bot: { id: BOT_ID },
      tenantId: 'tenant-contoso',
      channelData: { tenant: { id: 'tenant-contoso' } },
    };

    const byUserId = await client.conversations.create({
      ...params,
      members: [{ id: userId, role: 'user' }],
    });
    const byObjectId = await client.conversations.create({
      ...params,
      members: [{ id: '00000000-0000-4000-a000-00000000000b', role: 'user' }],
    });
    expect(byUserId.id).toBe(chatOf(fake, BOB));
    expect(byObjectId.id).toBe(chatOf(fake, BOB));
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v3/conversations', status: 201 });

    const notInstalled = await failure(
      client.conversations.create({ ...params, members: [{ id: 'nobody', role: 'user' }] }),
    );
    expect(notInstalled.status).toBe(400);
    const group = await failure(
      client.conversations.create({ ...params, isGroup: true, members: [{ id: userId, role: 'user' }] }),
    );
    expect(group).toMatchObject({ status: 400, data: { error: { code: 'BadSyntax' } } });
  });

  it('create conversation for a person without the app is 403, as Teams answers', async () => {
    const { fake, client } = await setup();
    await fake.install(BOB);
    await fake.install(ADA);
    fake.uninstalled(ADA);
    const ada = await failure(
      client.conversations.create({
        isGroup: false,
        tenantId: 'tenant-contoso',
        members: [{ id: ADA, role: 'user' }],
      }),
    );
    expect(ada).toMatchObject({ status: 403, data: { error: { code: 'BotNotInConversationRoster' } } });
  });

  it('member lookup gives the Teams channel account; 404 for someone not in the chat', async () => {
    const { fake, bot, client } = await setup();
    await fake.install(BOB);
    await fake.install(ADA);
    const bobId = (bot.received[0]?.activity['from'] as { id: string }).id;
    const members = client.conversations.members(chatOf(fake, BOB));

    const bob = {
      id: bobId,
      name: 'Bob Martin',
      aadObjectId: '00000000-0000-4000-a000-00000000000b',
      givenName: 'Bob',
      surname: 'Martin',
      email: BOB,
      userPrincipalName: BOB,
      tenantId: 'tenant-contoso',
      userRole: 'user',
    };
    expect(await members.getById(bobId)).toEqual(bob);
    expect(await members.getById('00000000-0000-4000-a000-00000000000b')).toEqual(bob);
    // The list endpoint names the object id `objectId`, as Teams does; the SDK copies it to `aadObjectId`.
    expect(await members.get()).toEqual([{ ...bob, objectId: bob.aadObjectId }]);
    const ada = await failure(members.getById(ADA));
    expect(ada).toMatchObject({ status: 404, data: { error: { code: 'MemberNotFoundInConversation' } } });
  });

  it('requires a bearer token, answers 404 for unknown conversations, and accepts the `//v3` of a trailing-slash serviceUrl', async () => {
    const { fake, client } = await setup();
    await fake.install(ADA);
    const path = `v3/conversations/${chatOf(fake, ADA)}/activities`;
    const body = JSON.stringify({ type: 'message', text: 'x' });

    const anonymous = await fetch(`${fake.url}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
    expect(fake.requests[0]).toMatchObject({ status: 401 });
    expect(fake.requests[0]?.auth).toBeUndefined();
    const unknown = await failure(
      client.conversations.createActivity('a:1unknown', { type: 'message', text: 'x' }),
    );
    expect(unknown).toMatchObject({ status: 404, data: { error: { code: 'ConversationNotFound' } } });
    // The SDK joins `${serviceUrl}/v3/…`; `fake.url` ends in `/`, so this request path starts with `//v3`.
    await client.conversations.createActivity(chatOf(fake, ADA), { type: 'message', text: 'ok' });
    expect(fake.requests.at(-1)).toMatchObject({ path: `/${path}`, status: 201 });
  });

  it('rejects a message too large for Teams with 413', async () => {
    const { fake, client } = await setup();
    await fake.install(ADA);
    const huge = await failure(
      client.conversations.createActivity(chatOf(fake, ADA), {
        type: 'message',
        text: 'x'.repeat(110 * 1024),
      }),
    );
    expect(huge).toMatchObject({ status: 413, data: { error: { code: 'MessageSizeTooBig' } } });
    expect(fake.activities(ADA)).toEqual([]);
  });
});
