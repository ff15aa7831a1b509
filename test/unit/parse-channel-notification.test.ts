import { describe, expect, it } from 'vitest';
import { parseChannelNotification } from '../../functions/parse-channel-notification.js';

const headers = {
  'X-Goog-Channel-ID': 'steady-1',
  'X-Goog-Channel-Token': 'secret-token-of-this-channel',
  'X-Goog-Channel-Expiration': 'Tue, 10 Mar 2026 08:00:00 GMT',
  'X-Goog-Resource-ID': 'resource-1',
  'X-Goog-Resource-URI':
    'https://www.googleapis.com/calendar/v3/calendars/maria%40contoso.com/events?alt=json',
  'X-Goog-Resource-State': 'exists',
  'X-Goog-Message-Number': '2',
};

describe("Google's push notification headers", () => {
  it('give the channel, its token, the state and the calendar from the resource URI', () => {
    expect(parseChannelNotification(Object.entries(headers))).toEqual({
      channelId: 'steady-1',
      token: 'secret-token-of-this-channel',
      resourceState: 'exists',
      resourceId: 'resource-1',
      calendarId: 'maria@contoso.com',
    });
  });

  it.each([
    ['no channel id', { 'X-Goog-Channel-ID': undefined }],
    ['no resource state', { 'X-Goog-Resource-State': undefined }],
    [
      'a resource that is not a calendar',
      { 'X-Goog-Resource-URI': 'https://www.googleapis.com/drive/v3/files' },
    ],
    ['a broken escape in the calendar id', { 'X-Goog-Resource-URI': 'https://x/calendars/%E0%A4%A/events' }],
    ['a channel id over 64 characters', { 'X-Goog-Channel-ID': 'c'.repeat(65) }],
  ])('are not a notification with %s', (_, change) => {
    const entries = Object.entries({ ...headers, ...change }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    expect(parseChannelNotification(entries)).toBeUndefined();
  });
});
