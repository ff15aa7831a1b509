import { afterEach, describe, expect, it } from 'vitest';
import { userByEmail } from '../../shared/services/people.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

async function devAddress() {
  h = await botHarness();
  await h.install(MARIA, DEV);
  const dev = await userByEmail(h.store, DEV);
  if (dev?.conversation === undefined) throw new Error('Dev has no chat');
  return { ...dev.conversation, tenantId: dev.tenantId };
}

describe('the Messenger on the Bot Connector (real Teams SDK client, fake Teams)', () => {
  it('sends, then updates the same message in place', async () => {
    const to = await devAddress();
    const sent = await h.bot.deps.messenger.send(to, { text: 'first' });
    if (!sent.ok) throw new Error('send failed');
    expect(await h.bot.deps.messenger.update(to, sent.value.activityId, { text: 'second' })).toEqual({
      ok: true,
      value: undefined,
    });
    const updates = h.teams
      .activities(DEV)
      .filter((a) => a.op === 'update' && a.id === sent.value.activityId);
    expect(updates.map((a) => a.text)).toEqual(['second']);
  });

  it('opens (finds) the personal chat of a Teams user', async () => {
    const to = await devAddress();
    const conversation = h.teams.conversations().find((c) => c.email === DEV);
    const member = await h.bot.deps.messenger.member(
      to,
      (await userByEmail(h.store, DEV))?.aadObjectId ?? '',
    );
    expect(member?.email).toBe(DEV);
    const created = await h.bot.deps.messenger.createConversation(
      { serviceUrl: to.serviceUrl, tenantId: to.tenantId },
      (await userByEmail(h.store, DEV))?.aadObjectId ?? '',
    );
    expect(created).toEqual({ ok: true, value: { conversationId: conversation?.id } });
  });

  it('waits out a 429 with Retry-After and retries 412/502/504, then succeeds', async () => {
    const to = await devAddress();
    for (const status of [429, 412, 502, 504] as const) {
      h.teams.failNext(1, status, { method: 'POST', path: /activities/ });
      const sent = await h.bot.deps.messenger.send(to, { text: `after ${status}` });
      expect(sent.ok).toBe(true);
    }
    expect(
      h.teams
        .activities(DEV)
        .filter((a) => a.text?.startsWith('after '))
        .map((a) => a.text),
    ).toEqual(['after 429', 'after 412', 'after 502', 'after 504']);
  });

  it('reports a removed app (403) as unreachable, without retrying', async () => {
    const to = await devAddress();
    h.teams.uninstalled(DEV);
    const before = h.teams.requests.length;
    expect(await h.bot.deps.messenger.send(to, { text: 'anyone there?' })).toEqual({
      ok: false,
      error: { code: 'UNREACHABLE' },
    });
    expect(h.teams.requests.length - before).toBe(1);
  });

  it('refuses to send to a service URL that is not a Bot Framework host', async () => {
    const to = await devAddress();
    await expect(
      h.bot.deps.messenger.send({ ...to, serviceUrl: 'https://attacker.example.com/' }, { text: 'x' }),
    ).rejects.toThrow(/not a Bot Framework host/);
  });
});
