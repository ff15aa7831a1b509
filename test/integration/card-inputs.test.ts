import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type PairDoc } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';
import { storeSnapshot } from '../support/store-snapshot.js';

// The agenda's inputs for a note, a private note and an action item: checked as `note`, `private` and
// `action` are in chat, landing where they would, and both agendas updated in place.

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const PAIR = pairIdOf(MARIA, DEV);
const AGENDA_DUE = '2026-03-02T08:00:00Z';

async function started(reports?: string[]) {
  h = await botHarness(reports ? { reports } : {});
  await h.install(MARIA, DEV, ...(reports?.includes(ANA) ? [ANA] : []));
  await h.at(AGENDA_DUE);
}

/** Presses `verb` on `email`'s agenda of `pairId` with these inputs typed, the others sent as Teams sends them blank. */
async function press(email: string, verb: string, inputs: Record<string, string>, pairId = PAIR) {
  const [next] = await pairOccurrences(h.store, pairId);
  const blank = { topic: '', note: '', private: 'false', action: '', owner: 'me', due: '' };
  const reply = await h.teams.invoke(email, {
    verb,
    data: { pairId, occurrenceId: next?.id ?? '', ...blank, ...inputs },
  });
  expect(reply.status).toBe(200);
  const body = reply.body as { type?: string; value?: unknown };
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? visibleText(body.value)
    : String(body.value);
}

const docs = async <T extends PairDoc['type']>(type: T, pairId = PAIR) =>
  (await h.store.pairs.list(pairId, { type, limit: 1000 })).items.map((i) => i.doc);
/** The agenda `email` was sent, as it now is, and how many times it was updated in place. */
const agendaOf = (email: string) => {
  const all = h.teams.activities(email);
  const sent = all.filter((a) => a.op === 'send' && a.attachments !== undefined);
  const agenda = sent
    .map((a) => ({ id: a.id, text: visibleText((a.attachments?.[0] as { content: never }).content) }))
    .filter((a) => a.text.startsWith('Agenda'))
    .at(-1);
  return {
    text: agenda?.text ?? '',
    updates: all.filter((a) => a.op === 'update' && a.id === agenda?.id).length,
  };
};

describe('notes and action items from the agenda card', () => {
  it('a shared note lands as `note` does, on the next 1:1, and both agendas count it, updated in place', async () => {
    await started();
    const reply = await press(DEV, 'addNote', { note: 'We agreed on the billing split' });
    expect(reply).toContain('Notes so far: 1 shared, 0 private (yours alone)');
    const [next] = await pairOccurrences(h.store, PAIR);
    expect(await docs('note')).toMatchObject([
      {
        text: 'We agreed on the billing split',
        visibility: 'shared',
        authorEmail: DEV,
        occurrenceId: next?.id,
      },
    ]);
    expect(agendaOf(MARIA).updates).toBe(1);
    expect(agendaOf(MARIA).text).toContain('Notes so far: 1 shared, 0 private');
  });

  it('a private note is counted on its author’s card alone; the other card is not touched', async () => {
    await started();
    const reply = await press(MARIA, 'addNote', { note: 'Dev seems stretched', private: 'true' });
    expect(reply).toContain('Notes so far: 0 shared, 1 private (yours alone)');
    expect(await docs('note')).toMatchObject([{ visibility: 'private', authorEmail: MARIA }]);
    expect(agendaOf(DEV).updates).toBe(0);
    expect(agendaOf(DEV).text).not.toContain('Notes so far');
    expect(JSON.stringify(h.teams.activities(DEV))).not.toContain('stretched');
  });

  it('an action item for the other person, with a due date, is on both agendas', async () => {
    await started();
    const reply = await press(DEV, 'addAction', {
      action: 'Review the design doc',
      owner: 'other',
      due: '2026-03-20',
    });
    expect(reply).toContain('Review the design doc');
    expect(await docs('actionItem')).toMatchObject([
      { text: 'Review the design doc', ownerEmail: MARIA, createdBy: DEV, due: '2026-03-20', done: false },
    ]);
    expect(agendaOf(MARIA).text).toContain('Review the design doc');
    expect(agendaOf(MARIA).updates).toBe(1);
    await press(DEV, 'addAction', { action: 'Book the room' });
    expect((await docs('actionItem')).find((a) => a.text === 'Book the room')).toMatchObject({
      ownerEmail: DEV,
    });
  });

  it.each([
    ['addTopic', {}, /^Write the topic first\. Nothing was saved\.$/],
    ['addNote', {}, /^Write the note first\. Nothing was saved\.$/],
    ['addNote', { note: '   ' }, /^Write the note first/],
    ['addNote', { note: 'ok\u0007' }, /control characters/],
    ['addNote', { note: 'pay \u202e001$' }, /invisible characters/],
    ['addNote', { note: 'x'.repeat(4001) }, /at most 4000 characters/],
    ['addAction', {}, /^Write the action item first/],
    ['addAction', { action: 'x'.repeat(501) }, /at most 500 characters/],
    ['addAction', { action: 'Ship it', due: 'Friday' }, /date like 2026-03-20 \(got "Friday"\)/],
    ['addAction', { action: 'Ship it', due: '2026-02-30' }, /date like 2026-03-20/],
  ])(
    '%s with %j is refused with a clear reply, and nothing is stored or sent',
    async (verb, inputs, reply) => {
      await started();
      const before = await storeSnapshot(h.store, [MARIA, DEV]);
      const requests = h.teams.requests.length;
      const answer = await press(DEV, verb, inputs);
      expect(answer).toMatch(reply);
      expect(answer).toMatch(/Nothing was saved\.$/);
      expect(await storeSnapshot(h.store, [MARIA, DEV])).toEqual(before);
      expect(h.teams.requests.length).toBe(requests);
    },
  );

  it('a press on one agenda of a manager of several lands in that 1:1, unasked', async () => {
    await started([DEV, ANA]);
    const reply = await press(MARIA, 'addNote', { note: 'For Dev only' });
    expect(reply).not.toContain('Which 1:1?');
    expect((await docs('note')).map((n) => n.text)).toEqual(['For Dev only']);
    expect(await docs('note', pairIdOf(MARIA, ANA))).toEqual([]);
  });

  it('a press on another pair’s agenda is refused, and nothing is stored', async () => {
    await started([DEV, ANA]);
    const before = await storeSnapshot(h.store, [MARIA, DEV, ANA]);
    expect(await press(DEV, 'addNote', { note: 'Sneaky' }, pairIdOf(MARIA, ANA))).toMatch(/not one of yours/);
    expect(await storeSnapshot(h.store, [MARIA, DEV, ANA])).toEqual(before);
  });
});
