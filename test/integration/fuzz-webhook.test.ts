import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCalendar } from '../support/watch-calendar.js';
import { DEV, MARIA, weeklyWith } from '../support/bot-harness.js';
import { calendarHarness } from '../support/calendar-harness.js';
import { storeSnapshot } from '../support/store-snapshot.js';
import { sized } from '../support/long-runs.js';

// FUZZ_SEED=<n> replays a run; the seed is printed with the summary.
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);

interface Channel {
  calendarId: string;
  id: string;
  token: string;
  resourceId: string;
  uri: string;
}

const NAMES = {
  id: 'X-Goog-Channel-ID',
  token: 'X-Goog-Channel-Token',
  state: 'X-Goog-Resource-State',
  number: 'X-Goog-Message-Number',
  resourceId: 'X-Goog-Resource-ID',
  uri: 'X-Goog-Resource-URI',
} as const;
type Field = keyof typeof NAMES;

// What HTTP can carry in a header value: any byte but NUL, CR and LF (obs-text included).
const headerChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x09), fc.integer({ min: 0x80, max: 0xff }))
  .map((c) => String.fromCharCode(c));
const headerValue = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 80 }),
  fc.string({ unit: headerChar, minLength: 200, maxLength: 3000 }),
  fc.constantFrom('', ' ', 'sync', 'exists', 'not_exists', '0', '-1', '99999999999999999999', 'null'),
);
const headerName = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!#$%&*+.^`|~'),
  minLength: 1,
  maxLength: 30,
});

/** Each header: left out, Google's true value, another channel's, a near miss of it, or anything. */
function fieldValue(field: Field, own: Channel, other: Channel): fc.Arbitrary<string | undefined> {
  const valueOf = (c: Channel): string =>
    field === 'state' ? 'exists' : field === 'number' ? '42' : c[field === 'uri' ? 'uri' : field];
  const right = valueOf(own);
  const nearMiss = fc
    .tuple(
      fc.nat({ max: Math.max(0, right.length - 1) }),
      headerChar,
      fc.constantFrom('flip', 'cut', 'case', 'add'),
    )
    .map(([at, c, how]) => {
      switch (how) {
        case 'flip':
          return right.slice(0, at) + (right[at] === c ? '_' : c) + right.slice(at + 1);
        case 'cut':
          return right.slice(0, at);
        case 'case':
          return right === right.toUpperCase() ? right.toLowerCase() : right.toUpperCase();
        case 'add':
          return right + c + 'x';
      }
    });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(right) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(valueOf(other)) },
    { weight: 2, arbitrary: nearMiss },
    { weight: 2, arbitrary: headerValue },
    ...(field === 'state' ? [{ weight: 2, arbitrary: fc.constantFrom('sync', 'not_exists', 'EXISTS') }] : []),
  );
}

describe('fuzz: calendar webhook headers', () => {
  let h: Awaited<ReturnType<typeof calendarHarness>>;
  const channels: Channel[] = [];
  beforeAll(async () => {
    h = await calendarHarness({ start: '2026-03-01T00:00:00Z' });
    for (const [email, userId] of [
      [MARIA, 'user-maria'],
      [DEV, 'user-dev'],
    ] as const) {
      h.fake.upsertEvent(email, weeklyWith(DEV));
      await watchCalendar(h.deps, email, userId);
    }
    await h.drainSyncs();
    for (const email of [MARIA, DEV]) {
      const channel = (await h.store.calendars.get(email, email))?.doc.channel;
      if (channel?.resourceId === undefined) throw new Error(`no watch channel for ${email}`);
      channels.push({
        calendarId: email,
        id: channel.id,
        token: channel.token,
        resourceId: channel.resourceId,
        uri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(email)}/events?alt=json`,
      });
    }
  }, 30_000);
  afterAll(async () => h?.stop());

  it('never answers 5xx, and enqueues a sync only for a stored channel with its own token', async () => {
    const [maria, dev] = channels as [Channel, Channel];
    const fields = Object.keys(NAMES) as Field[];
    const request = fc
      .tuple(fc.boolean(), fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }), fc.boolean())
      .chain(([forDev, extra, shout]) => {
        const [own, other] = forDev ? [dev, maria] : [maria, dev];
        return fc.tuple(...fields.map((f) => fieldValue(f, own, other))).map((values) => {
          const headers: [string, string][] = [];
          fields.forEach((field, i) => {
            const value = values[i];
            const name = shout ? NAMES[field].toUpperCase() : NAMES[field];
            if (value !== undefined) headers.push([name, value]);
          });
          return [...headers, ...extra];
        });
      });
    const counts = { runs: 0, enqueued: 0, ignored: 0, serverErrors: 0 };
    const syncs = () => h.queued.messages.filter((m) => m.queue === 'calendar-sync').length;
    await fc.assert(
      fc.asyncProperty(request, async (headers) => {
        counts.runs++;
        // the headers as the function sees them: names folded, values trimmed, repeats joined
        const seen = new Headers(headers);
        const before = await storeSnapshot(h.store, [MARIA, DEV]);
        const queued = syncs();
        const response = await fetch(h.deps.settings.webhookUrl, { method: 'POST', headers });
        if (response.status >= 500) counts.serverErrors++;
        expect(response.status).toBeLessThan(500);
        expect([200, 202]).toContain(response.status);
        const added = syncs() - queued;
        const match = channels.find(
          (c) =>
            seen.get(NAMES.id) === c.id &&
            seen.get(NAMES.token) === c.token &&
            seen.get(NAMES.resourceId) === c.resourceId &&
            seen.get(NAMES.uri)?.includes(`/calendars/${encodeURIComponent(c.calendarId)}/events`),
        );
        if (added > 0) {
          counts.enqueued++;
          // only the channel's own id and secret token, for the calendar it watches, start a sync
          expect(match, `enqueued for ${JSON.stringify(headers)}`).toBeDefined();
          expect(added).toBe(1);
          expect(response.status).toBe(202);
        } else {
          counts.ignored++;
          expect(response.status).toBe(200);
        }
        // Google's own notification (exact headers, a change) is never lost
        const exact =
          match !== undefined && seen.get(NAMES.uri) === match.uri && seen.get(NAMES.state) === 'exists';
        if (exact) expect(added).toBe(1);
        // the webhook only enqueues: it never writes to the store
        expect(await storeSnapshot(h.store, [MARIA, DEV])).toEqual(before);
      }),
      { numRuns: sized(1000, 300), seed, endOnFailure: true },
    );
    h.queued.take('calendar-sync');
    console.log(
      `fuzz: webhook headers ${counts.runs} requests, ${counts.serverErrors} 5xx, ${counts.enqueued} enqueued (each with a stored channel's id and token), ${counts.ignored} ignored (seed ${seed})`,
    );
    expect(counts.enqueued).toBeGreaterThan(0);
  }, 60_000);
});
