import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type GrowthPlan } from '../../shared/domain/index.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { loadCardValidator } from '../support/card-schema.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';
import { nodes } from '../support/card-nodes.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);
const validate = loadCardValidator();
const GOAL = 'Lead the design of the billing migration, from the first draft to the review';
const NOTE_LINE =
  'Unlike your answers, this note is not private: it goes into the growth plan you and Maria Lopez both see, whether or not you share your answers.';

/** Dev's latest deep-dive prompt: its text, its checkpoint input (if any) and its Submit button's data. */
function deepDivePrompt() {
  const card = h.teams
    .activities(DEV)
    .filter((a) => a.op === 'send' && JSON.stringify(a.attachments ?? '').includes('submitDeepDive'))
    .map((a) => (a.attachments?.[0] as { content: unknown }).content)
    .at(-1);
  expect(card).toBeDefined();
  expect(validate(card)).toEqual([]);
  const submit = nodes(card).find((n) => n.type === 'Action.Execute' && n.verb === 'submitDeepDive');
  return {
    text: visibleText(card),
    checkpoint: nodes(card).find((n) => n.id === 'checkpoint'),
    data: submit?.data as Record<string, unknown>,
  };
}

/** Dev presses Submit on a prompt whose button sent `button`, with these inputs; returns the reply text. */
async function submit(button: Record<string, unknown>, inputs: Record<string, string>): Promise<string> {
  const reply = await h.teams.invoke(DEV, { verb: 'submitDeepDive', data: { ...button, ...inputs } });
  expect(reply.status).toBe(200);
  return JSON.stringify((reply.body as { value: unknown }).value);
}

/** `email` saves the pair's plan for Q1 with these checkpoint notes. */
async function saveQ1Plan(notes: Record<string, string> = {}, email = DEV) {
  const reply = await h.teams.invoke(email, {
    verb: 'saveGrowthPlan',
    data: { pairId: PAIR, quarter: '2026-Q1', goal: GOAL, ...notes },
  });
  expect(JSON.stringify(reply.body)).toContain('Saved.');
}

const plan = async (quarter = '2026-Q1'): Promise<GrowthPlan | undefined> => {
  const found = await h.store.pairs.get(PAIR, `growthPlan:${quarter}`);
  return found?.doc.type === 'growthPlan' ? found.doc : undefined;
};
const answers = async () =>
  (await h.store.pairs.list(PAIR, { type: 'deepDiveAnswer' })).items.map((i) => i.doc);

/** The text of the latest agenda card `email` was sent (or had updated). */
const lastAgenda = (email: string, op: 'send' | 'update') =>
  h.teams
    .activities(email)
    .filter((a) => a.op === op && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: unknown }).content))
    .filter((text) => text.startsWith('Agenda'))
    .at(-1);

/** The progress notes on the growth plan card, as `growth` opens it for `email`. */
async function planCardNotes(email: string): Promise<unknown[]> {
  await h.teams.say(email, 'growth');
  const sent = h.teams.activities(email).filter((a) => a.op === 'send');
  const card = (sent.at(-1)?.attachments?.[0] as { content: unknown }).content;
  return ['checkpoint1', 'checkpoint2', 'checkpoint3'].map(
    (id) => nodes(card).find((n) => n.id === id)?.value ?? '',
  );
}

describe('the monthly deep dive asks for growth plan checkpoint progress', () => {
  it('asks about the checkpoint of the month just ended, shows its note and records the new one in the plan', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await saveQ1Plan({ checkpoint2: 'Picked the project' }, MARIA);
    const saved = (await plan())!;
    expect(saved.updatedByEmail).toBe(MARIA);

    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar, and Dev's deep dive of March
    const march = deepDivePrompt();
    expect(march.text).toContain('Growth plan');
    expect(march.text).toContain(`Goal: ${GOAL}`);
    expect(march.text).toContain('Checkpoint Sat 28 Feb 2026');
    expect(march.text).toContain(NOTE_LINE);
    expect(march.checkpoint).toMatchObject({
      value: 'Picked the project',
      maxLength: 500,
      isMultiline: true,
    });
    expect(march.data).toMatchObject({ pairId: PAIR, quarter: '2026-Q1', index: 1 });
    // Both deep-dive agendas show the checkpoint and the progress noted so far (the plan is the pair's).
    for (const email of [MARIA, DEV])
      expect(lastAgenda(email, 'send')).toContain('Checkpoint Sat 28 Feb 2026: Picked the project');

    // Dev keeps his answers private; the checkpoint note still goes into the plan they both see.
    h.calendar.time.set('2026-03-02T18:00:00Z');
    const mariaUpdates = h.teams.activities(MARIA).filter((a) => a.op === 'update').length;
    const reply = await submit(march.data, {
      happiness: '6',
      makeItTen: 'Private: fewer meetings',
      share: 'false',
      checkpoint: '  First draft reviewed with Sam  ',
    });
    expect(reply).toContain('kept private to you');
    expect(reply).toContain('Your checkpoint note is in the growth plan you both see.');
    const recorded = (await plan())!;
    expect(recorded.checkpoints).toEqual([
      { date: '2026-01-31' },
      { date: '2026-02-28', note: 'First draft reviewed with Sam' },
      { date: '2026-03-31' },
    ]);
    expect(recorded).toMatchObject({
      goal: GOAL,
      authorEmail: MARIA,
      updatedByEmail: DEV,
      createdAt: saved.createdAt,
      updatedAt: '2026-03-02T18:00:00Z',
    });
    expect(await answers()).toMatchObject([{ happiness: 6, shared: false }]);
    expect(h.teams.activities(MARIA).filter((a) => a.op === 'update')).toHaveLength(mariaUpdates + 1);
    for (const email of [MARIA, DEV])
      expect(lastAgenda(email, 'update')).toContain(
        'Checkpoint Sat 28 Feb 2026: First draft reviewed with Sam',
      );
    // Both see it on the plan's card; the private answer reaches Maria nowhere.
    expect(await planCardNotes(MARIA)).toEqual(['', 'First draft reviewed with Sam', '']);
    expect(JSON.stringify(h.teams.activities(MARIA))).not.toContain('Private: fewer meetings');

    // The same submit again, later, changes nothing in the plan; an empty note leaves the stored one.
    h.calendar.time.set('2026-03-02T19:00:00Z');
    await submit(march.data, { happiness: '6', share: 'false', checkpoint: 'First draft reviewed with Sam' });
    expect(await plan()).toEqual(recorded);
    const kept = await submit(march.data, { happiness: '7', share: 'true', checkpoint: ' ' });
    expect(kept).not.toContain('checkpoint note');
    expect(await plan()).toEqual(recorded);
    expect(await answers()).toMatchObject([{ happiness: 7, shared: true }]);
  });

  it("reviews the previous quarter's last checkpoint on the first deep dive of a quarter", async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await saveQ1Plan();
    await h.at('2026-04-06T07:01:00Z'); // the agendas of Tue 7 Apr, the first deep dive of Q2
    const april = deepDivePrompt();
    expect(april.text).toContain('Checkpoint Tue 31 Mar 2026');
    expect(april.checkpoint).toMatchObject({ value: '' });
    expect(april.data).toMatchObject({ quarter: '2026-Q1', index: 2 });
    expect(await submit(april.data, { happiness: '8', checkpoint: 'Design approved' })).toContain(
      'growth plan you both see',
    );
    expect((await plan())!.checkpoints[2]).toEqual({ date: '2026-03-31', note: 'Design approved' });
    expect(await plan('2026-Q2')).toBeUndefined();
  });

  it('refuses a forged checkpoint and an over-long note, and stores nothing of the submit', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await saveQ1Plan({ checkpoint2: 'Picked the project' });
    await h.at('2026-03-02T08:01:00Z');
    const { data } = deepDivePrompt();
    const before = await plan();
    const forgeries = [
      { ...data, index: 2 },
      { ...data, index: '0' },
      { ...data, quarter: '2025-Q4' },
      { pairId: PAIR, occurrenceId: data.occurrenceId },
    ];
    for (const button of forgeries) {
      const reply = await submit(button, { happiness: '3', share: 'true', checkpoint: 'Forged progress' });
      expect(reply).toContain('That checkpoint is not the one this deep dive asks about. Nothing was saved.');
    }
    const long = await submit(data, { happiness: '3', share: 'true', checkpoint: 'n'.repeat(501) });
    expect(long).toContain('Checkpoint note: it must be at most 500 characters. Nothing was saved.');
    expect(await plan()).toEqual(before);
    expect(await answers()).toEqual([]);
  });

  it('asks nothing about growth without a plan for that checkpoint; the deep dive works as before', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z');
    const march = deepDivePrompt();
    expect(march.text).not.toContain('Growth plan');
    expect(march.checkpoint).toBeUndefined();
    expect(Object.keys(march.data).sort()).toEqual(['occurrenceId', 'pairId']);
    const reply = await submit(march.data, { happiness: '5', learning: 'Rust', share: 'true' });
    expect(reply).toContain('shared with your manager');
    expect(reply).not.toContain('checkpoint');
    expect(await answers()).toMatchObject([{ happiness: 5, learning: 'Rust', shared: true }]);
    // A note sent anyway has no checkpoint to go to: refused, nothing more stored.
    const forged = await submit(
      { ...march.data, quarter: '2026-Q1', index: 1 },
      {
        happiness: '1',
        checkpoint: 'Forged progress',
      },
    );
    expect(forged).toContain('Nothing was saved.');
    expect(await answers()).toMatchObject([{ happiness: 5 }]);
    expect(await plan()).toBeUndefined();
  });
});
