import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/teams.api';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTeams } from '../../sandbox/fake-teams/index.js';

const ADA = 'ada@contoso.example';
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function setup() {
  const received: Record<string, unknown>[] = [];
  const bot = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  bot.listen(0, '127.0.0.1');
  await once(bot, 'listening');
  stops.push(async () => {
    bot.closeAllConnections();
    bot.close();
    await once(bot, 'close');
  });
  const fake = await startFakeTeams({
    people: [{ email: ADA, name: 'Ada Lovelace' }],
    botEndpoint: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`,
  });
  stops.push(() => fake.stop());
  return { fake, received };
}

describe('fake Teams inbox page', () => {
  it('GET / is an HTML page that loads the adaptivecards renderer, which the server serves', async () => {
    const { fake } = await setup();
    const page = await fetch(fake.url);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<script src="/inbox/adaptivecards.min.js"></script>');
    const renderer = await fetch(new URL('inbox/adaptivecards.min.js', fake.url));
    expect(renderer.status).toBe(200);
    expect(await renderer.text()).toContain('AdaptiveCards');
    expect((await fetch(new URL('inbox/hostconfig.json', fake.url))).status).toBe(200);
  });

  it('the page API lists the chat with the updated card and types as the person', async () => {
    const { fake, received } = await setup();
    await fake.install(ADA);
    const conversationId = fake.conversations()[0]?.id ?? '';
    const client = new Client(fake.url, { token: 't' });
    const card = (text: string) => ({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text }],
    });
    const contentType = 'application/vnd.microsoft.card.adaptive';
    const sent = await client.conversations.createActivity(conversationId, {
      type: 'message',
      attachments: [{ contentType, content: card('v1') }],
    });
    await client.conversations.updateActivity(conversationId, sent.id, {
      type: 'message',
      attachments: [{ contentType, content: card('v2') }],
    });

    const say = await fetch(new URL('inbox/api/say', fake.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADA, text: 'hello' }),
    });
    expect(await say.json()).toEqual({ status: 200, body: {} });
    expect(received.at(-1)).toMatchObject({ type: 'message', text: 'hello' });

    const view = await (await fetch(new URL('inbox/api/chats', fake.url))).json();
    expect(view).toMatchObject({
      people: [
        {
          email: ADA,
          installed: true,
          lines: [
            { from: 'bot', id: sent.id, cards: [card('v2')], edited: true },
            { from: 'user', text: 'hello' },
          ],
        },
      ],
    });

    const forged = await fetch(new URL('inbox/api/say', fake.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: ADA, text: 'forged' }),
    });
    expect(forged.status).toBe(403);
  });
});
