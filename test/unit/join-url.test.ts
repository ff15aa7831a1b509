import { describe, expect, it } from 'vitest';
import { joinUrlOf } from '../../shared/adapters/google/join-url.js';
import { toCalendarEvent } from '../../shared/adapters/google/to-calendar-event.js';

const MEET = 'https://meet.google.com/abc-defg-hij';
const meetConference = (uri: string) => ({
  conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
  entryPoints: [
    { entryPointType: 'video', uri, label: uri.replace('https://', '') },
    { entryPointType: 'phone', uri: 'tel:+49-30-1234', label: '+49 30 1234' },
  ],
});
const addOn = (uri: string) => ({
  conferenceSolution: { key: { type: 'addOn' }, name: 'Zoom Meeting' },
  entryPoints: [{ entryPointType: 'video', uri }],
});

describe('the Join link of a Google event', () => {
  it.each([
    ['hangoutLink', { hangoutLink: MEET }, MEET],
    ['a Meet video entry point', { conferenceData: meetConference(MEET) }, MEET],
    [
      'a Zoom add-on',
      { conferenceData: addOn('https://us02web.zoom.us/j/123?pwd=x') },
      'https://us02web.zoom.us/j/123?pwd=x',
    ],
    [
      'a Teams add-on',
      { conferenceData: addOn('https://teams.microsoft.com/l/meetup-join/19%3a') },
      'https://teams.microsoft.com/l/meetup-join/19%3a',
    ],
    [
      'a video entry point before hangoutLink',
      { conferenceData: meetConference(MEET), hangoutLink: 'https://meet.google.com/other' },
      MEET,
    ],
    [
      'hangoutLink when the conference is still being created',
      { hangoutLink: MEET, conferenceData: { createRequest: { requestId: 'r' } } },
      MEET,
    ],
  ])('is taken from %s', (_, event, url) => {
    expect(joinUrlOf({ id: 'e', ...event })).toBe(url);
  });

  it.each([
    ['no conference', {}],
    ['an http link', { hangoutLink: 'http://meet.google.com/abc-defg-hij' }],
    ['a hangoutLink off Meet', { hangoutLink: 'https://meet.google.com.evil.example/abc' }],
    ['a Meet conference pointing elsewhere', { conferenceData: meetConference('https://zoom.us/j/1') }],
    ['an add-on on an unknown host', { conferenceData: addOn('https://zoom-us.example.com/j/1') }],
    ['an add-on pretending to be Zoom', { conferenceData: addOn('https://evil.example/zoom.us/j/1') }],
    ['credentials in the link', { hangoutLink: 'https://user:pw@meet.google.com/abc' }],
    ['a port', { hangoutLink: 'https://meet.google.com:8443/abc' }],
    ['a javascript: link', { hangoutLink: 'javascript:alert(1)' }],
    [
      'a phone entry point only',
      {
        conferenceData: {
          ...meetConference(MEET),
          entryPoints: [{ entryPointType: 'phone', uri: 'tel:+1' }],
        },
      },
    ],
    ['a link in the location', { location: MEET }],
    ['a link in the description', { description: `Join: <a href="${MEET}">${MEET}</a>` }],
    ['a link of 1,001 characters', { hangoutLink: `${MEET}?x=${'a'.repeat(1001 - MEET.length - 3)}` }],
  ])('is absent with %s', (_, event) => {
    expect(joinUrlOf({ id: 'e', ...event })).toBeUndefined();
  });

  it('reaches the calendar event the services see', () => {
    expect(toCalendarEvent({ id: 'e', hangoutLink: MEET }).joinUrl).toBe(MEET);
    expect(toCalendarEvent({ id: 'e', location: MEET })).not.toHaveProperty('joinUrl');
  });
});
