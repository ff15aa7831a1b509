import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type ConversationPlan } from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { loadCardValidator } from '../support/card-schema.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);
const validate = loadCardValidator();
const CAREER = 'Career conversation · planned by Maria Lopez';
const ASPIRATIONS =
  'Understand aspirations: Where do you want to be in 2 years? · What kind of work energizes you?';
const FRAME =
  '“The Senior engineer role expects X, Y, Z. I see you doing X well. For Y, I need to see A and B. Let’s build a plan together and check progress monthly.”';

const cards = (email: string, op?: 'send' | 'update') =>
  h.teams
    .activities(email)
    .filter((a) => (op === undefined || a.op === op) && a.attachments !== undefined)
    .map((a) => (a.attachments?.[0] as { content: unknown }).content);
const texts = (email: string, start: string, op?: 'send' | 'update') =>
  cards(email, op)
    .map(visibleText)
    .filter((text) => text.startsWith(start));
const occurrenceOn = async (day: string) =>
  (await pairOccurrences(h.store, PAIR)).find((o) => o.originalStart.startsWith(day))!;
const plans = async (): Promise<ConversationPlan[]> =>
  (await h.store.pairs.list(PAIR, { type: 'conversationPlan' })).items.map((i) => i.doc);

/** Maria cancels the 1:1 of 10 March in Google Calendar; both calendars sync. */
async function cancelTenthOfMarch() {
  for (const calendar of [MARIA, DEV])
    h.calendar.fake.upsertEvent(calendar, {
      id: 'weekly-dev_20260310T080000Z',
      iCalUID: 'weekly-dev@google.com',
      recurringEventId: 'weekly-dev',
      originalStartTime: { dateTime: '2026-03-10T09:00:00+01:00', timeZone: 'Europe/Berlin' },
      start: { dateTime: '2026-03-10T09:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-10T09:30:00+01:00', timeZone: 'Europe/Berlin' },
      status: 'cancelled',
    });
  await h.calendar.drainSyncs();
}

/** Presses a button as `email` and returns the answer: a card's text, or the message. */
async function press(email: string, verb: string, data: Record<string, string>) {
  const reply = await h.teams.invoke(email, { verb, data: { pairId: PAIR, ...data } });
  expect(reply.status).toBe(200);
  const value = (reply.body as { value: unknown }).value;
  if (typeof value !== 'string') expect(validate(value)).toEqual([]);
  return typeof value === 'string' ? value : visibleText(value);
}

describe('career and promotion conversations', () => {
  it('the manager plans one from the agenda; the next agenda carries the guide, for both; the summary records the goal', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar
    const third = await occurrenceOn('2026-03-03');
    const tenth = await occurrenceOn('2026-03-10');
    const buttons = (email: string) =>
      JSON.stringify(
        cards(email, 'send')
          .filter((c) => visibleText(c).startsWith('Agenda'))
          .at(-1),
      ).match(/"title":"[^"]+"/g) ?? [];
    expect(buttons(MARIA)).toContain('"title":"Plan a career talk"');
    expect(buttons(DEV)).not.toContain('"title":"Plan a career talk"');

    // A report's forged press opens nothing, plans nothing and posts nothing.
    const devMessages = h.teams.activities(DEV).length;
    for (const [verb, data] of [
      ['open', { occurrenceId: third.id, card: 'planConversation' }],
      ['planConversation', { occurrenceId: tenth.id, kind: 'career' }],
    ] as const)
      expect(await press(DEV, verb, data)).toMatch(
        /^Only the manager plans a career or promotion conversation/,
      );
    expect(h.teams.activities(DEV)).toHaveLength(devMessages);
    expect(await plans()).toEqual([]);

    // Maria opens the planning card from her agenda of 3 March: it is for the next 1:1, 10 March.
    expect(await press(MARIA, 'open', { occurrenceId: third.id, card: 'planConversation' })).toBe(
      'It is in the chat below.',
    );
    const planning = cards(MARIA, 'send').at(-1);
    expect(validate(planning)).toEqual([]);
    expect(visibleText(planning)).toContain(
      'Next 1:1 with Dev Patel\nTue, 10 Mar 2026, 09:00–09:30 (Europe/Berlin)',
    );
    expect(JSON.stringify(planning)).toContain(`"occurrenceId":"${tenth.id}"`);

    // A promotion conversation without its role is refused with the reason; nothing is stored.
    const refused = await press(MARIA, 'planConversation', {
      occurrenceId: tenth.id,
      kind: 'promotion',
      role: ' ',
    });
    expect(refused).toContain('Not saved. Role: write the role the promotion is about');
    expect(await plans()).toEqual([]);

    const planned = await press(MARIA, 'planConversation', { occurrenceId: tenth.id, kind: 'career' });
    expect(planned).toContain('Planned: a career conversation');
    const [plan] = await plans();
    expect(plan).toMatchObject({ kind: 'career', occurrenceId: tenth.id, plannedByEmail: MARIA });
    // The same choice again changes nothing.
    await press(MARIA, 'planConversation', { occurrenceId: tenth.id, kind: 'career' });
    expect(await plans()).toEqual([plan]);

    // 3 March is not the conversation: its agendas and summaries never carried it.
    await h.at('2026-03-03T08:46:00Z');
    for (const email of [MARIA, DEV]) {
      expect(texts(email, 'Summary')).toHaveLength(1);
      expect([...texts(email, 'Agenda'), ...texts(email, 'Summary')].join('\n')).not.toMatch(
        /Career conversation|Agreed goal|No goal for/,
      );
    }

    await h.at('2026-03-09T08:01:00Z'); // the agendas of Tue 10 Mar
    for (const email of [MARIA, DEV]) {
      const agenda = texts(email, 'Agenda', 'send').at(-1)!;
      expect(agenda).toContain('Tue, 10 Mar 2026');
      expect(agenda).toContain(CAREER);
      expect(agenda).toContain(ASPIRATIONS);
      expect(agenda).toContain('Create a plan: One goal for this quarter · Projects that build the skill');
    }

    // Changed to a promotion conversation: both sent agendas change in place; the frame is the manager's.
    await press(MARIA, 'planConversation', {
      occurrenceId: tenth.id,
      kind: 'promotion',
      role: 'Senior engineer',
    });
    const maria = texts(MARIA, 'Agenda', 'update').at(-1)!;
    const dev = texts(DEV, 'Agenda', 'update').at(-1)!;
    expect(maria).toContain('Promotion conversation: Senior engineer · planned by Maria Lopez');
    expect(maria).toContain(FRAME);
    expect(dev).toContain('Promotion conversation: Senior engineer · planned by Maria Lopez');
    expect(dev).toContain(
      'What the role expects, where you already meet it, and what Maria Lopez needs to see next.',
    );
    expect(dev).not.toContain('I see you doing X well');
    expect(dev).not.toContain(ASPIRATIONS);

    // They agree the quarter's goal during the 1:1 and Dev writes it in the growth plan.
    h.calendar.time.set('2026-03-10T08:20:00Z');
    await press(DEV, 'saveGrowthPlan', {
      quarter: '2026-Q1',
      goal: 'Own the billing retry queue end to end',
    });
    await h.at('2026-03-10T08:46:00Z'); // the summaries
    for (const email of [MARIA, DEV]) {
      const summary = texts(email, 'Summary', 'send').at(-1)!;
      expect(summary).toContain('Promotion conversation: Senior engineer');
      expect(summary).toContain('Agreed goal for Q1 2026: Own the billing retry queue end to end');
    }
    // The next agenda carries none of it.
    await h.at('2026-03-16T08:01:00Z');
    expect(texts(MARIA, 'Agenda', 'send').at(-1)).toContain('Tue, 17 Mar 2026');
    expect(texts(MARIA, 'Agenda', 'send').at(-1)).not.toContain('Promotion conversation');

    // A 1:1 that is over cannot be planned; both people find the plan in their export.
    expect(await press(MARIA, 'planConversation', { occurrenceId: tenth.id, kind: 'career' })).toMatch(
      /^That 1:1 is over/,
    );
    for (const email of [MARIA, DEV]) {
      const user = (await userByEmail(h.store, email))!;
      const exported = await exportPerson(h.store, user, '2026-03-17T00:00:00.000Z');
      expect(exported.pairs[0]?.conversationPlans).toMatchObject([
        { kind: 'promotion', role: 'Senior engineer' },
      ]);
    }
  });

  it('a planned 1:1 that is cancelled hands the conversation to the next live one; with no goal written, the summary says so', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z');
    const third = await occurrenceOn('2026-03-03');
    await press(MARIA, 'open', { occurrenceId: third.id, card: 'planConversation' });
    const tenth = await occurrenceOn('2026-03-10');
    await press(MARIA, 'planConversation', { occurrenceId: tenth.id, kind: 'career' });

    // Maria cancels 10 March in Google Calendar.
    await cancelTenthOfMarch();
    expect((await occurrenceOn('2026-03-10')).status).toBe('cancelled');

    await h.at('2026-03-16T08:01:00Z'); // the agendas of Tue 17 Mar
    for (const email of [MARIA, DEV]) {
      const agenda = texts(email, 'Agenda', 'send').at(-1)!;
      expect(agenda).toContain('Tue, 17 Mar 2026');
      expect(agenda).toContain(CAREER);
    }
    await h.at('2026-03-17T08:46:00Z');
    expect(texts(DEV, 'Summary', 'send').at(-1)).toContain(
      'Career conversation\nNo goal for Q1 2026 is written down yet.',
    );
    // Written after the 1:1, the goal still lands in both summaries: they are updated in place.
    await press(DEV, 'saveGrowthPlan', { quarter: '2026-Q1', goal: 'Own the on-call handbook' });
    for (const email of [MARIA, DEV])
      expect(texts(email, 'Summary', 'update').at(-1)).toContain(
        'Career conversation\nAgreed goal for Q1 2026: Own the on-call handbook',
      );
    // A plan of another quarter changes no summary of this one.
    const summaryUpdates = texts(DEV, 'Summary', 'update').length;
    await press(DEV, 'saveGrowthPlan', { quarter: '2026-Q2', goal: 'Something for Q2' });
    expect(texts(DEV, 'Summary', 'update')).toHaveLength(summaryUpdates);
    await h.at('2026-03-23T08:01:00Z'); // held once: the 24 March agenda is an ordinary one
    expect(texts(DEV, 'Agenda', 'send').at(-1)).not.toContain(CAREER);
  });

  it('"Give feedback" and "Growth plan" on an agenda post their card in the presser’s chat and leave the agenda as it is', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z');
    const third = await occurrenceOn('2026-03-03');
    const before = { maria: h.teams.activities(MARIA).length, dev: h.teams.activities(DEV).length };
    expect(await press(DEV, 'open', { occurrenceId: third.id, card: 'feedback' })).toBe(
      'It is in the chat below.',
    );
    expect(await press(DEV, 'open', { occurrenceId: third.id, card: 'growthPlan' })).toBe(
      'It is in the chat below.',
    );
    const posted = h.teams.activities(DEV).slice(before.dev);
    expect(posted.map((a) => a.op)).toEqual(['send', 'send']);
    const [feedback, growth] = posted.map((a) =>
      visibleText((a.attachments?.[0] as { content: unknown }).content),
    );
    expect(feedback).toContain('What feedback do you have for me?');
    expect(growth).toContain('Q1 2026 · with Maria Lopez');
    expect(h.teams.activities(MARIA)).toHaveLength(before.maria); // nothing to Maria, no agenda changed
    expect(await h.store.pairs.list(PAIR, { type: 'feedback' })).toMatchObject({ items: [] });

    // The posted feedback card works like the one `feedback` opens: shared, it is on both agendas.
    const feedbackCard = JSON.stringify(posted[0]?.attachments?.[0]);
    const feedbackId = /"feedbackId":"([^"]+)"/.exec(feedbackCard)?.[1] ?? '';
    await press(DEV, 'saveFeedback', {
      feedbackId,
      state: 'shared',
      behavior: 'You moved our 1:1 three times this month',
      request: 'Keep the slot, or tell me a day before',
    });
    for (const email of [MARIA, DEV])
      expect(texts(email, 'Agenda', 'update').at(-1)).toContain('You moved our 1:1 three times this month');
  });

  it('"No conversation" removes the plan a 1:1 holds, one moved to it from a cancelled 1:1 too', async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.at('2026-03-02T08:01:00Z');
    const third = await occurrenceOn('2026-03-03');
    const tenth = await occurrenceOn('2026-03-10');
    await press(MARIA, 'planConversation', { occurrenceId: tenth.id, kind: 'career' });
    await cancelTenthOfMarch();
    // From the 3 March agenda the next 1:1 is now 17 March, which holds the plan made for the 10th.
    await press(MARIA, 'open', { occurrenceId: third.id, card: 'planConversation' });
    const seventeenth = await occurrenceOn('2026-03-17');
    expect(visibleText(cards(MARIA, 'send').at(-1))).toContain('Planned: a career conversation');
    await press(MARIA, 'planConversation', { occurrenceId: seventeenth.id, kind: 'none' });
    expect(await plans()).toEqual([]);
    await h.at('2026-03-16T08:01:00Z');
    expect(texts(DEV, 'Agenda', 'send').at(-1)).not.toContain(CAREER);
  });
});
