import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type GrowthPlan } from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { loadCardValidator } from '../support/card-schema.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);
const ANA_PAIR = pairIdOf(MARIA, ANA);
const validate = loadCardValidator();
const GOAL = 'Lead the design of the billing migration, from the first draft to the review';

const lastCard = (email: string): unknown => {
  const sent = h.teams.activities(email).filter((a) => a.op === 'send');
  return (sent.at(-1)?.attachments?.[0] as { content: unknown } | undefined)?.content;
};

/** Says `growth` and returns the card's quarter (from its Save button) and its text. */
async function openCard(email: string) {
  await h.teams.say(email, 'growth');
  const card = lastCard(email);
  expect(validate(card)).toEqual([]);
  const actions = (card as { actions: { title: string; data: { quarter: string } }[] }).actions;
  expect(actions.map((a) => a.title)).toEqual(['Save']);
  return { quarter: actions[0]!.data.quarter, text: visibleText(card), card };
}

async function save(email: string, data: Record<string, string>) {
  const reply = await h.teams.invoke(email, { verb: 'saveGrowthPlan', data: { pairId: PAIR, ...data } });
  expect(reply.status).toBe(200);
  const value = (reply.body as { value: unknown }).value;
  lastReply = value;
  return typeof value === 'string' ? value : visibleText(value);
}
/** The last reply to a save (a card, or a message). */
let lastReply: unknown;

const stored = async (pairId = PAIR): Promise<GrowthPlan[]> =>
  (await h.store.pairs.list(pairId, { type: 'growthPlan' })).items.map((i) => i.doc);

const agendas = (email: string, op?: 'send' | 'update') =>
  h.teams
    .activities(email)
    .filter((a) => (op === undefined || a.op === op) && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: unknown }).content))
    .filter((text) => text.startsWith('Agenda'));

/** The lines of an agenda's Growth section. */
const growthSection = (agenda: string): string[] => {
  const lines = agenda.split('\n');
  const from = lines.indexOf('Growth and development · 10 min');
  const to = lines.indexOf('Feedback · 5 min');
  return lines.slice(from + 1, to);
};

/** The value of each input of a card, by id. */
const inputs = (card: unknown): Record<string, unknown> =>
  Object.fromEntries(
    JSON.stringify(card)
      .match(/"type":"Input\.Text","id":"[^"]+"/g)!
      .map((m) => m.slice(26, -1))
      .map((id) => [id, findInput(card, id)]),
  );
function findInput(node: unknown, id: string): unknown {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findInput(item, id);
      if (found !== undefined) return found;
    }
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Input.Text' && record['id'] === id) return record['value'] ?? '';
    for (const value of Object.values(record)) {
      const found = findInput(value, id);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

describe('growth plan', () => {
  it('is created from chat and card, edited by either person, and shown on both agendas', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar
    for (const email of [MARIA, DEV])
      expect(growthSection(agendas(email, 'send').at(-1)!)).toEqual([
        'What do you want to learn next? Tie growth to real work: one goal for this quarter, and the projects that build the skill. Growth plan in the … menu below (or type growth) writes the plan.',
      ]);

    const empty = await openCard(DEV);
    expect(empty.quarter).toBe('2026-Q1');
    expect(empty.text).toContain('Q1 2026 · with Maria Lopez');
    expect(empty.text).toContain('Checkpoint Sat 31 Jan 2026');
    expect(empty.text).toContain('Checkpoint Tue 31 Mar 2026');
    expect(empty.text).not.toContain('Saved.');

    // An empty goal is refused with the reason, what was typed comes back, and nothing is stored.
    const refused = await save(DEV, { quarter: empty.quarter, goal: '   ', support: 'Pairing with Sam' });
    expect(refused).toContain('Not saved. Goal: write the one thing to grow in this quarter');
    expect(inputs(lastReply)).toMatchObject({ goal: '', support: 'Pairing with Sam' });
    expect(await stored()).toEqual([]);
    expect(agendas(DEV, 'update')).toEqual([]);

    // Dev writes it: both agenda cards of the next 1:1 are updated in place.
    const created = await save(DEV, {
      quarter: empty.quarter,
      goal: GOAL,
      support: 'A design review with a staff engineer every sprint',
      evidence: 'The design doc approved',
      checkpoint1: 'Picked the project',
    });
    expect(created).toContain('Saved. Last edited by Dev Patel');
    const [plan] = await stored();
    expect(plan).toMatchObject({
      id: 'growthPlan:2026-Q1',
      quarter: '2026-Q1',
      goal: GOAL,
      authorEmail: DEV,
      updatedByEmail: DEV,
      checkpoints: [
        { date: '2026-01-31', note: 'Picked the project' },
        { date: '2026-02-28' },
        { date: '2026-03-31' },
      ],
    });
    for (const email of [MARIA, DEV])
      expect(growthSection(agendas(email, 'update').at(-1)!)).toEqual([
        `Goal for Q1 2026: ${GOAL}`,
        'Next checkpoint: Tue 31 Mar 2026 · press Growth plan to update it',
      ]);

    // Maria opens it prefilled and edits it: one plan, hers the last edit, Dev still its author.
    const prefilled = await openCard(MARIA);
    expect(prefilled.text).toContain('Q1 2026 · with Dev Patel');
    expect(prefilled.text).toContain('Saved. Last edited by Dev Patel');
    expect(inputs(prefilled.card)).toMatchObject({
      goal: GOAL,
      support: 'A design review with a staff engineer every sprint',
      checkpoint1: 'Picked the project',
      checkpoint2: '',
    });
    const updatesBefore = agendas(DEV, 'update').length;
    const edited = await save(MARIA, {
      quarter: prefilled.quarter,
      goal: 'Lead the billing migration design',
      checkpoint1: 'Picked the project',
      checkpoint2: 'First draft reviewed',
    });
    expect(edited).toContain('Saved. Last edited by Maria Lopez');
    const plans = await stored();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      authorEmail: DEV,
      updatedByEmail: MARIA,
      goal: 'Lead the billing migration design',
    });
    expect(plans[0]!.support).toBeUndefined(); // cleared on the card, cleared in the plan
    expect(agendas(DEV, 'update')).toHaveLength(updatesBefore + 1);
    expect(growthSection(agendas(DEV, 'update').at(-1)!)[0]).toBe(
      'Goal for Q1 2026: Lead the billing migration design',
    );
    expect(growthSection(await replyAgenda(MARIA))[0]).toBe(
      'Goal for Q1 2026: Lead the billing migration design',
    );

    // A long goal is cut on the agenda, kept whole in the plan.
    await save(DEV, { quarter: '2026-Q1', goal: 'g'.repeat(900) });
    const long = growthSection(agendas(MARIA, 'update').at(-1)!)[0]!;
    expect(long).toBe(`Goal for Q1 2026: ${'g'.repeat(199)}…`);
    expect((await stored())[0]!.goal).toHaveLength(900);

    // Both export files hold the pair's plan.
    for (const email of [MARIA, DEV]) {
      const file = await exportPerson(h.store, (await userByEmail(h.store, email))!, '2026-03-04T09:00:00Z');
      expect(file.pairs[0]!.growthPlans.map((p) => p.id)).toEqual(['growthPlan:2026-Q1']);
    }

    // The last 1:1 of the quarter still shows its checkpoint (the same day); the next quarter starts empty.
    await h.at('2026-03-30T07:01:00Z'); // the agendas of Tue 31 Mar
    expect(growthSection(agendas(DEV, 'send').at(-1)!)).toEqual([
      `Goal for Q1 2026: ${'g'.repeat(199)}…`,
      'Next checkpoint: Tue 31 Mar 2026 · press Growth plan to update it',
    ]);
    await h.at('2026-04-06T07:01:00Z'); // the agendas of Tue 7 Apr
    expect(agendas(DEV, 'send').at(-1)).toContain('7 Apr 2026');
    expect(growthSection(agendas(DEV, 'send').at(-1)!)[0]).toMatch(/^What do you want to learn next\?/);
    const april = await openCard(DEV);
    expect(april.quarter).toBe('2026-Q2');
    expect(april.text).toContain('Q2 2026 · with Maria Lopez');
    expect(april.text).not.toContain('Saved.');
    expect(inputs(april.card)).toMatchObject({ goal: '', support: '', checkpoint1: '' });
  });

  it('"growth last" and "growth next" open those quarters’ plans; a quarter further ahead or a word it does not know is refused', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV); // 1 March 2026: Q1
    const opened = async (text: string) => {
      await h.teams.say(DEV, text);
      const sent = h.teams
        .activities(DEV)
        .filter((a) => a.op === 'send')
        .at(-1);
      const card = (sent?.attachments?.[0] as { content: unknown } | undefined)?.content;
      return card === undefined ? (sent?.text ?? '') : visibleText(card);
    };
    expect(await opened('growth last')).toContain('Q4 2025 · with Maria Lopez');
    expect(await opened('growth Q4')).toContain('Q4 2025 · with Maria Lopez');
    const next = await opened('growth next');
    expect(next).toContain('Q2 2026 · with Maria Lopez');
    expect(next).toContain('Checkpoint Thu 30 Apr 2026');
    expect(await opened('growth 2026-Q3')).toBe(
      'A growth plan reaches one quarter ahead at most: "growth next" opens Q2 2026.',
    );
    expect(await opened('growth soon')).toBe(
      '"growth" opens this quarter\'s plan, or the one you name: growth last, growth next, growth Q1 or growth 2026-Q1 (got "soon").',
    );
    // the next quarter's plan saves for that quarter, and today's agenda keeps Q1's prompt
    await save(DEV, { quarter: '2026-Q2', goal: 'Lead the Q2 migration' });
    expect((await stored()).map((p) => p.quarter)).toEqual(['2026-Q2']);
  });

  it('refuses a forged Save for a quarter chat would not open, and stores nothing', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV); // 1 March 2026: Q1, so Q2 2026 is the latest
    for (const quarter of ['2999-Q4', '2026-Q3', '1999-Q1'])
      expect(await save(DEV, { quarter, goal: 'A plan for another era' })).toBe(
        'A growth plan reaches one quarter ahead at most (Q2 2026), and none before 2000. Nothing was saved.',
      );
    expect(await stored()).toEqual([]);
    await save(DEV, { quarter: '2025-Q4', goal: 'Looking back on Q4' }); // "growth last" opens it
    expect((await stored()).map((p) => p.quarter)).toEqual(['2025-Q4']);
  });

  it('refuses a press for another pair and stores nothing', async () => {
    h = await botHarness({ reports: [DEV, ANA] });
    await h.install(MARIA, DEV, ANA);
    await h.at('2026-03-02T08:01:00Z');
    // Dev forges Maria and Ana's pair id on his card's Save.
    const reply = await h.teams.invoke(DEV, {
      verb: 'saveGrowthPlan',
      data: { pairId: ANA_PAIR, quarter: '2026-Q1', goal: 'Take over Ana’s plan' },
    });
    expect((reply.body as { value: unknown }).value).toBe(
      'That 1:1 is not one of yours. Nothing was changed.',
    );
    expect(await stored(ANA_PAIR)).toEqual([]);
    expect(agendas(ANA, 'update')).toEqual([]);
  });
});

async function replyAgenda(email: string): Promise<string> {
  await h.teams.say(email, 'agenda');
  return visibleText(lastCard(email));
}
