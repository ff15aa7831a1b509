import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/teams.api';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTeams, type FakeTeams, type FakeTeamsOptions } from '../../sandbox/fake-teams/index.js';

const people = ['ada', 'bob', 'cy', 'dee', 'eve', 'fay'].map((name) => ({
  email: `${name}@contoso.example`,
  name,
}));
const OUTSIDER = { email: 'zed@fabrikam.example', name: 'Zed', tenantId: 'tenant-fabrikam' };
const ADA = 'ada@contoso.example';

let clock = 0;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A bot that answers 200 to everything; these tests drive the Bot Connector side. */
async function startSilentBot(): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stops.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

async function setup(options: FakeTeamsOptions = {}) {
  clock = Date.parse('2026-03-02T09:00:00Z');
  const fake = await startFakeTeams({
    people: [...people, OUTSIDER],
    now: () => clock,
    botEndpoint: await startSilentBot(),
    ...options,
  });
  stops.push(() => fake.stop());
  for (const person of [...people, OUTSIDER]) await fake.install(person.email);
  return { fake, client: new Client(fake.url, { token: 'bot-token' }) };
}

function chatOf(fake: FakeTeams, email: string): string {
  const chat = fake.conversations().find((c) => c.email === email);
  if (!chat) throw new Error(`no chat for ${email}`);
  return chat.id;
}

interface Outcome {
  status: number;
  retryAfter?: unknown;
  code?: unknown;
}

/** One send through the real SDK client, as its HTTP status (and Retry-After and error code on failure). */
async function send(client: Client, conversationId: string): Promise<Outcome> {
  try {
    await client.conversations.createActivity(conversationId, { type: 'message', text: 'hi' });
    return { status: 201 };
  } catch (error) {
    const response = (
      error as { response?: { status: number; headers: Record<string, unknown>; data: unknown } }
    ).response;
    if (!response) throw error;
    const data = response.data as { error?: { code?: unknown } };
    return { status: response.status, retryAfter: response.headers['retry-after'], code: data.error?.code };
  }
}

describe('fake Teams rate limits', () => {
  it('a burst of 20 sends to one chat gets 429 with Retry-After past 7 a second', async () => {
    const { fake, client } = await setup();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => send(client, chatOf(fake, ADA))));

    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(7);
    const refused = outcomes.filter((o) => o.status === 429);
    expect(refused).toHaveLength(13);
    expect(refused[0]).toEqual({ status: 429, retryAfter: '1', code: 'Throttled' });
    expect(fake.count429()).toBe(13);
    expect(fake.activities(ADA)).toHaveLength(7);
    // Refused requests do not count: after the window passes, sends go through again.
    clock += 1000;
    expect(await send(client, chatOf(fake, ADA))).toEqual({ status: 201 });
  });

  it('spaced sends stay under the limits, even 7 at once every second', async () => {
    const { fake, client } = await setup();
    for (let i = 0; i < 20; i++) {
      expect(await send(client, chatOf(fake, ADA))).toEqual({ status: 201 });
      clock += 200;
    }
    for (let second = 0; second < 4; second++) {
      clock += 1000;
      const burst = await Promise.all(Array.from({ length: 7 }, () => send(client, chatOf(fake, ADA))));
      expect(burst.every((o) => o.status === 201)).toBe(true);
    }
    expect(fake.count429()).toBe(0);
    expect((await send(client, chatOf(fake, ADA))).status).toBe(429);
  });

  it('60 in 30 seconds per chat, Retry-After counting to when the oldest leaves the window', async () => {
    const { fake, client } = await setup();
    for (let i = 0; i < 60; i++) {
      expect((await send(client, chatOf(fake, ADA))).status).toBe(201);
      clock += 250;
    }
    // 60 sends over 15 s; the first leaves the 30 s window at +30 s, 15 s from now.
    expect(await send(client, chatOf(fake, ADA))).toMatchObject({ status: 429, retryAfter: '15' });
    expect((await send(client, chatOf(fake, 'bob@contoso.example'))).status).toBe(201);
  });

  it('30 requests a second per tenant across chats; another tenant is not affected', async () => {
    const { fake, client } = await setup();
    const contoso = people.slice(0, 5).flatMap((p) => Array.from({ length: 6 }, () => chatOf(fake, p.email)));
    const outcomes = await Promise.all(contoso.map((id) => send(client, id)));
    expect(outcomes.every((o) => o.status === 201)).toBe(true);

    expect(await send(client, chatOf(fake, 'fay@contoso.example'))).toMatchObject({
      status: 429,
      code: 'Throttled',
    });
    expect(await send(client, chatOf(fake, OUTSIDER.email))).toEqual({ status: 201 });
  });

  it('custom limits apply, and false turns them off', async () => {
    const tight = await setup({ rateLimits: { perConversationPerSecond: 2 } });
    const two = await Promise.all([1, 2, 3].map(() => send(tight.client, chatOf(tight.fake, ADA))));
    expect(two.map((o) => o.status).sort()).toEqual([201, 201, 429]);

    const off = await setup({ rateLimits: false });
    const many = await Promise.all(Array.from({ length: 40 }, () => send(off.client, chatOf(off.fake, ADA))));
    expect(many.every((o) => o.status === 201)).toBe(true);
  });
});

describe('fake Teams faults', () => {
  it('failNext answers 403, 412 and 502 with Teams’ error bodies, then serves normally', async () => {
    const { fake, client } = await setup();
    fake.failNext(1, 403);
    fake.failNext(1, 412);
    fake.failNext(1, 502);
    const chat = chatOf(fake, ADA);

    expect(await send(client, chat)).toMatchObject({ status: 403, code: 'BotNotInConversationRoster' });
    expect(await send(client, chat)).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    expect(await send(client, chat)).toMatchObject({ status: 502, code: 'ServiceError' });
    expect(await send(client, chat)).toEqual({ status: 201 });
    expect(fake.activities(ADA)).toHaveLength(1);
  });

  it('failNext 429 carries Retry-After: 1; a match limits which requests fail', async () => {
    const { fake, client } = await setup();
    fake.failNext(2, 429, { method: 'PUT' });
    fake.failNext(1, 504, { path: /\/members\// });
    const chat = chatOf(fake, ADA);

    expect(await send(client, chat)).toEqual({ status: 201 });
    const [sent] = fake.activities(ADA);
    const update = () =>
      client.conversations.updateActivity(chat, sent?.id ?? '', { type: 'message', text: 'v2' });
    for (let i = 0; i < 2; i++) {
      await expect(update()).rejects.toMatchObject({
        response: { status: 429, headers: { 'retry-after': '1' } },
      });
    }
    await expect(update()).resolves.toEqual({ id: sent?.id });
    const lookup = client.conversations.members(chat).getById(ADA);
    await expect(lookup).rejects.toMatchObject({ response: { status: 504 } });
    expect(fake.count429()).toBe(2);
  });

  it('uninstalled: sends to that chat get 403 BotNotInConversationRoster; other chats still work', async () => {
    const { fake, client } = await setup();
    fake.uninstalled(ADA);

    expect(await send(client, chatOf(fake, ADA))).toMatchObject({
      status: 403,
      code: 'BotNotInConversationRoster',
    });
    const lookup = client.conversations.members(chatOf(fake, ADA)).getById(ADA);
    await expect(lookup).rejects.toMatchObject({ response: { status: 403 } });
    expect(await send(client, chatOf(fake, 'bob@contoso.example'))).toEqual({ status: 201 });
    // Reinstalling opens the same chat again.
    await fake.install(ADA);
    expect(await send(client, chatOf(fake, ADA))).toEqual({ status: 201 });
  });
});
