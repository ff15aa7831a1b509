import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  canSee,
  docId,
  occurrenceIdOf,
  isMissed,
  isMoved,
  Note,
  Occurrence,
  PairDoc,
  Topic,
  User,
} from '../../shared/domain/index.js';
import { note, topic, user } from '../fixtures/docs.js';

const occurrence = (overrides: Partial<Occurrence> = {}): Occurrence => ({
  type: 'occurrence',
  id: occurrenceIdOf('series-1', '2026-03-03T09:00:00Z'),
  pairId: 'maria@contoso.com|dev@contoso.com',
  seriesId: 'series-1',
  originalStart: '2026-03-03T09:00:00Z',
  start: '2026-03-03T09:00:00Z',
  end: '2026-03-03T09:30:00Z',
  status: 'confirmed',
  declinedBy: [],
  jobs: [],
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  ...overrides,
});

describe('ids', () => {
  it('encodes the characters Cosmos DB forbids in ids, reversibly distinct', () => {
    expect(docId('a/b', 'c?d#e\\f')).toBe('a%2fb:c%3fd%23e%5cf');
    expect(docId('50%/x')).not.toBe(docId('50/x'));
  });

  it('keys an occurrence by series and original start', () => {
    expect(occurrenceIdOf('s', '2026-03-03T09:00:00Z')).toBe('occurrence:s:2026-03-03T09:00:00Z');
  });

  it('buckets an instant by its UTC hour', () => {
    expect(bucketOf('2026-03-02T08:59:59+01:00')).toBe('2026-03-02T07');
    expect(bucketOf(new Date('2026-03-02T08:00:00Z'))).toBe('2026-03-02T08');
  });
});

describe('occurrences', () => {
  it('counts cancelled and declined as missed, a move as not missed', () => {
    expect(isMissed(occurrence({ status: 'cancelled' }))).toBe(true);
    expect(isMissed(occurrence({ declinedBy: ['dev@contoso.com'] }))).toBe(true);
    const moved = occurrence({ start: '2026-03-04T09:00:00Z', end: '2026-03-04T09:30:00Z' });
    expect([isMissed(moved), isMoved(moved), isMoved(occurrence())]).toEqual([false, true, false]);
  });
});

describe('privacy of notes', () => {
  it('shows a private note to its author only, whatever the case of the email', () => {
    const secret = note(1, 1, { visibility: 'private', authorEmail: 'maria@contoso.com' });
    expect(canSee(secret, { email: 'Maria@Contoso.com' })).toBe(true);
    expect(canSee(secret, { email: 'report1@contoso.com' })).toBe(false);
    expect(canSee({ ...secret, visibility: 'shared' }, { email: 'report1@contoso.com' })).toBe(true);
  });

  it("shows a private note to its author's Teams identity, not to whoever has the address now", () => {
    const secret = note(1, 1, {
      visibility: 'private',
      authorEmail: 'maria@contoso.com',
      authorUserId: 'tenant-contoso:aad-maria',
    });
    expect(canSee(secret, { email: 'maria@contoso.com', userId: 'tenant-contoso:aad-maria' })).toBe(true);
    expect(canSee(secret, { email: 'maria@contoso.com', userId: 'tenant-contoso:aad-new-maria' })).toBe(
      false,
    );
    expect(canSee(secret, { email: 'maria@contoso.com' })).toBe(false);
  });
});

describe('schemas', () => {
  it('lower-cases emails and trims text', () => {
    const parsed = Topic.parse({ ...topic(1, 1), authorEmail: 'Dev@Contoso.COM', text: '  Career path  ' });
    expect([parsed.authorEmail, parsed.text]).toEqual(['dev@contoso.com', 'Career path']);
  });

  it.each([
    ['empty', '   ', /must not be empty/],
    ['too long', 'x'.repeat(501), /at most 500/],
    ['a control character', 'bell\u0007', /control characters/],
  ])('refuses topic text that is %s', (_, text, message) => {
    const result = Topic.safeParse({ ...topic(1, 1), text });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['text']);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it('keeps new lines and tabs in notes', () => {
    expect(Note.parse({ ...note(1, 1), text: 'line one\n\tline two' }).text).toBe('line one\n\tline two');
  });

  it('tells pair documents apart by type and rejects unknown types', () => {
    expect(PairDoc.parse(occurrence()).type).toBe('occurrence');
    expect(PairDoc.safeParse({ ...occurrence(), type: 'meeting' }).success).toBe(false);
  });

  it('refuses an unknown time zone and a non-https-looking service URL', () => {
    expect(User.safeParse({ ...user(1), timeZone: 'Mars/Olympus' }).error?.issues[0]?.path).toEqual([
      'timeZone',
    ]);
    expect(
      User.safeParse({ ...user(1), conversation: { conversationId: 'c', serviceUrl: 'nope' } }).error
        ?.issues[0]?.path,
    ).toEqual(['conversation', 'serviceUrl']);
  });

  it('refuses an occurrence time that is not UTC ISO', () => {
    expect(Occurrence.safeParse(occurrence({ start: '3 March, 9am' })).error?.issues[0]?.path).toEqual([
      'start',
    ]);
  });
});
