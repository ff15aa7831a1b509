import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type Occurrence } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { trustDigest } from '../../shared/services/one-on-one/trust-digest.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

/**
 * "It didn't happen" on the summary (issue 29): Maria and Dev meet weekly on Tuesdays at 09:00 Berlin
 * (08:00 UTC) from 3 March 2026; summaries go out 15 minutes after the end.
 */
type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);

async function started() {
  h = await botHarness();
  await h.install(MARIA, DEV);
}

async function occurrenceOn(day: string): Promise<Occurrence> {
  const found = (await pairOccurrences(h.store, PAIR)).find(
    (o) => o.originalStart === `2026-03-${day}T08:00:00Z`,
  );
  if (found === undefined) throw new Error(`no 1:1 on ${day} March`);
  return found;
}

const press = (email: string, occurrence: Occurrence) =>
  h.teams.invoke(email, { verb: 'notHeld', data: { pairId: PAIR, occurrenceId: occurrence.id } });

/** The text of what the invoke answered: a card's visible text, or the message. */
function answerOf(reply: Awaited<ReturnType<typeof press>>): string {
  const body = reply.body as { type?: string; value?: unknown };
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? visibleText(body.value)
    : String(body.value);
}

/** The visible text of each summary card `email` was sent or had updated, in order. */
const summaries = (email: string, op: 'send' | 'update') =>
  h.teams
    .activities(email)
    .filter((a) => a.op === op && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: never }).content))
    .filter((text) => text.startsWith('Summary'));

const alerts = () =>
  h.teams
    .activities(MARIA)
    .filter((a) => a.op === 'send' && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: never }).content))
    .filter((text) => text.startsWith('Cadence alert'));

describe('"It didn\'t happen" on the summary', () => {
  it('counts the 1:1 as missed for the cadence rule, the alert and the digest, and updates both summaries', async () => {
    await started();
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-10T08:00:00Z'); // one miss ahead: no alert
    await h.calendar.drainSyncs();
    await h.at('2026-03-03T08:45:30Z');
    expect(alerts()).toEqual([]);
    const [mariaSummary] = summaries(MARIA, 'send');
    expect(mariaSummary).toContain('Did this 1:1 happen?');
    expect(mariaSummary).toContain("It didn't happen");
    const before = await trustDigest(h.store, MARIA, '2026-03-04T08:00:00Z', 'Europe/Berlin');
    expect(before?.cadence).toEqual([expect.objectContaining({ scheduled: 1, held: 1 })]);

    h.calendar.time.set('2026-03-04T09:00:00Z');
    const first = await occurrenceOn('03');
    const answer = answerOf(await press(MARIA, first));
    expect(answer).toMatch(/This 1:1 did not happen · said by you on Wed 4 Mar/);
    expect(answer).not.toContain('Did this 1:1 happen?');
    // Dev's summary, updated in place, says who said so; nobody else's chat changed
    expect(summaries(DEV, 'update')).toEqual([
      expect.stringMatching(/This 1:1 did not happen · said by Maria Lopez on Wed 4 Mar/),
    ]);
    expect(summaries(DEV, 'update')[0]).not.toContain("It didn't happen");

    // the cadence check the press asked for: 3 March (not held) and 10 March (cancelled) in a row
    await h.at('2026-03-04T09:01:00Z');
    expect(alerts()).toEqual([
      expect.stringMatching(
        /called off 2 times in a row[\s\S]*Tue, 3 Mar 2026\n[\s\S]*Tue, 10 Mar 2026 \(still ahead\)/,
      ),
    ]);
    expect(h.teams.activities(DEV).some((a) => JSON.stringify(a).includes('Cadence alert'))).toBe(false);
    const after = await trustDigest(h.store, MARIA, '2026-03-04T09:01:00Z', 'Europe/Berlin');
    expect(after?.cadence).toEqual([expect.objectContaining({ scheduled: 1, held: 0 })]);
  });

  it('is said once: a second press, by either, changes nothing and says who said it', async () => {
    await started();
    await h.at('2026-03-03T08:45:30Z');
    const first = await occurrenceOn('03');
    await press(DEV, first);
    const stored = await h.store.pairs.get(PAIR, first.id);
    const updates = h.teams.activities(MARIA).filter((a) => a.op === 'update').length;
    expect(answerOf(await press(MARIA, first))).toBe(
      'Dev Patel already said this 1:1 did not happen. Nothing was changed.',
    );
    expect(answerOf(await press(DEV, first))).toBe(
      'You already said this 1:1 did not happen. Nothing was changed.',
    );
    expect((await h.store.pairs.get(PAIR, first.id))?.etag).toBe(stored?.etag);
    expect(h.teams.activities(MARIA).filter((a) => a.op === 'update')).toHaveLength(updates);
    expect(stored?.doc).toMatchObject({ notHeld: { by: DEV } });
  });

  it('is refused before the 1:1 starts, after 7 days, and for a cancelled one, with nothing changed', async () => {
    await started();
    h.calendar.fake.cancelOccurrence(MARIA, 'weekly-dev', '2026-03-10T08:00:00Z');
    await h.calendar.drainSyncs();
    h.calendar.time.set('2026-03-03T07:59:00Z');
    const first = await occurrenceOn('03');
    expect(answerOf(await press(MARIA, first))).toBe('This 1:1 has not started yet. Nothing was changed.');
    h.calendar.time.set('2026-03-10T08:29:00Z'); // 6 days 23 h 59 min after its end
    expect(answerOf(await press(MARIA, await occurrenceOn('10')))).toBe(
      'This 1:1 was cancelled or declined: it already counts as missed. Nothing was changed.',
    );
    h.calendar.time.set('2026-03-10T08:31:00Z'); // 7 days and a minute after its end
    expect(answerOf(await press(MARIA, first))).toBe(
      'This 1:1 ended more than 7 days ago, so it stays as it was. Nothing was changed.',
    );
    expect((await occurrenceOn('03')).notHeld).toBeUndefined();
  });

  it('survives a sync that changes the same occurrence (its time corrected afterwards)', async () => {
    await started();
    await h.at('2026-03-03T08:45:30Z');
    await press(MARIA, await occurrenceOn('03'));
    h.calendar.fake.moveOccurrence(
      MARIA,
      'weekly-dev',
      '2026-03-03T08:00:00Z',
      '2026-03-03T08:10:00Z',
      '2026-03-03T08:40:00Z',
    );
    await h.calendar.drainSyncs();
    expect((await occurrenceOn('03')).notHeld).toMatchObject({ by: MARIA });
  });
});
