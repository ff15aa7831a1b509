import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGoogleCalendar, type FakeGoogleCalendar } from '../../sandbox/fake-google/index.js';

/** `expect.any(String)` without its `any` type. */
const anyString: unknown = expect.any(String);

const CAL = 'ada@example.com';
const DAY = 86_400_000;
let clock = new Date('2026-03-01T12:00:00Z');
let fake: FakeGoogleCalendar;
let client: calendar_v3.Calendar;
let receiver: Server;
let address: string;
let received: IncomingHttpHeaders[];

beforeEach(async () => {
  clock = new Date('2026-03-01T12:00:00Z');
  received = [];
  receiver = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  address = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  fake = await startFakeGoogleCalendar({ now: () => clock });
  const oauth2 = new auth.OAuth2();
  oauth2.setCredentials({ access_token: 'fake-token' });
  client = calendar({ version: 'v3', rootUrl: `${fake.url}/`, auth: oauth2, retry: false });
});

afterEach(async () => {
  await fake.stop();
  receiver.closeAllConnections();
  receiver.close();
});

const event = (id: string): calendar_v3.Schema$Event => ({
  id,
  start: { dateTime: '2026-03-02T10:00:00Z' },
  end: { dateTime: '2026-03-02T11:00:00Z' },
});

async function watch(
  id: string,
  extra: Partial<calendar_v3.Schema$Channel> = {},
): Promise<calendar_v3.Schema$Channel> {
  const { data } = await client.events.watch({
    calendarId: CAL,
    requestBody: { id, type: 'web_hook', address, ...extra },
  });
  await fake.flushNotifications();
  return data;
}

describe('push notifications', () => {
  it('answers watch with a channel and sends sync, then exists after each change, with Google’s headers', async () => {
    const channel = await watch('channel-1', { token: 'secret' });
    const expiration = clock.getTime() + 7 * DAY;
    expect(channel).toEqual({
      kind: 'api#channel',
      id: 'channel-1',
      resourceId: anyString,
      resourceUri: `${fake.url}/calendar/v3/calendars/ada%40example.com/events?alt=json`,
      token: 'secret',
      expiration: String(expiration),
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      'x-goog-channel-id': 'channel-1',
      'x-goog-channel-token': 'secret',
      'x-goog-channel-expiration': new Date(expiration).toUTCString(),
      'x-goog-resource-id': channel.resourceId,
      'x-goog-resource-uri': channel.resourceUri,
      'x-goog-resource-state': 'sync',
      'x-goog-message-number': '1',
    });
    expect(received[0]?.['content-length']).toBe('0');

    fake.upsertEvent(CAL, event('single1'));
    fake.upsertEvent('bob@example.com', event('elsewhere'));
    await fake.flushNotifications();
    expect(
      received.map((headers) => [headers['x-goog-resource-state'], headers['x-goog-message-number']]),
    ).toEqual([
      ['sync', '1'],
      ['exists', '2'],
    ]);
    expect(fake.channels()).toEqual([
      {
        id: 'channel-1',
        token: 'secret',
        resourceId: channel.resourceId,
        address,
        expiration,
        calendarId: CAL,
        stopped: false,
      },
    ]);
  });

  it('sends nothing after channels.stop, and 404s a second stop', async () => {
    const channel = await watch('channel-1');
    expect(received[0]?.['x-goog-channel-token']).toBeUndefined();
    const stopped = await client.channels.stop({
      requestBody: { id: 'channel-1', resourceId: channel.resourceId ?? '' },
    });
    expect(stopped.status).toBe(204);
    fake.upsertEvent(CAL, event('single1'));
    await fake.flushNotifications();
    expect(received.map((headers) => headers['x-goog-resource-state'])).toEqual(['sync']);
    expect(fake.channels()[0]?.stopped).toBe(true);
    const again = await client.channels
      .stop({ requestBody: { id: 'channel-1', resourceId: channel.resourceId ?? '' } })
      .catch((error: unknown) => error);
    expect(again).toMatchObject({ status: 404 });
    expect(fake.count('stop')).toBe(2);
  });

  it('drops the notifications it is told to, leaving a gap in the message numbers', async () => {
    await watch('channel-1');
    fake.dropNotifications(1);
    fake.upsertEvent(CAL, event('single1'));
    await fake.flushNotifications();
    expect(received).toHaveLength(1);
    fake.upsertEvent(CAL, event('single2'));
    await fake.flushNotifications();
    expect(received.map((headers) => headers['x-goog-message-number'])).toEqual(['1', '3']);
    expect(fake.notifications().map((delivery) => [delivery.state, delivery.dropped])).toEqual([
      ['sync', false],
      ['exists', true],
      ['exists', false],
    ]);
  });

  it('stops notifying once the channel expires (params.ttl, the fake’s clock)', async () => {
    const channel = await watch('channel-1', { params: { ttl: '60' } });
    expect(channel.expiration).toBe(String(clock.getTime() + 60_000));
    clock = new Date(clock.getTime() + 61_000);
    fake.upsertEvent(CAL, event('single1'));
    await fake.flushNotifications();
    expect(received).toHaveLength(1);
  });

  it('records a delivery that fails instead of throwing', async () => {
    receiver.closeAllConnections();
    receiver.close();
    await once(receiver, 'close');
    await client.events.watch({
      calendarId: CAL,
      requestBody: { id: 'channel-1', type: 'web_hook', address },
    });
    fake.upsertEvent(CAL, event('single1'));
    await fake.flushNotifications();
    expect(fake.notifications().map((delivery) => delivery.error)).toEqual([anyString, anyString]);
  });

  it('refuses a channel id over 64 characters, a token over 256 and a reused id', async () => {
    const refusal = (requestBody: calendar_v3.Schema$Channel): Promise<unknown> =>
      client.events.watch({ calendarId: CAL, requestBody }).catch((error: unknown) => error);
    expect(await refusal({ id: 'x'.repeat(65), type: 'web_hook', address })).toMatchObject({ status: 400 });
    expect(await refusal({ id: 'ok', token: 't'.repeat(257), type: 'web_hook', address })).toMatchObject({
      status: 400,
    });
    await watch('taken');
    expect(await refusal({ id: 'taken', type: 'web_hook', address })).toMatchObject({ status: 400 });
    expect(fake.channels()).toHaveLength(1);
  });
});
