import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf, type Feedback } from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { loadCardValidator } from '../support/card-schema.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);
const validate = loadCardValidator();
/** Maria's draft: it must never reach Dev, in anything. */
const SECRET = 'You went quiet in the staff meeting (draft)';

async function started() {
  h = await botHarness();
  await h.install(MARIA, DEV);
}

/** The card of the last message the bot sent `email` (its reply to a chat command). */
const lastCard = (email: string): unknown => {
  const sent = h.teams.activities(email).filter((a) => a.op === 'send');
  return (sent.at(-1)?.attachments?.[0] as { content: unknown } | undefined)?.content;
};

/** Says `feedback` and returns the card's feedback id (from its "Share" button) and its text. */
async function openCard(email: string) {
  await h.teams.say(email, 'feedback');
  const card = lastCard(email);
  expect(validate(card)).toEqual([]);
  const actions = (card as { actions: { title: string; data: { feedbackId: string } }[] }).actions;
  expect(actions.map((a) => a.title)).toEqual(['Save as draft', 'Share']);
  return { feedbackId: actions[1]!.data.feedbackId, text: visibleText(card) };
}

async function press(
  email: string,
  data: { feedbackId: string; state: 'draft' | 'shared'; pairId?: string } & Record<string, string>,
) {
  const reply = await h.teams.invoke(email, { verb: 'saveFeedback', data: { pairId: PAIR, ...data } });
  expect(reply.status).toBe(200);
  const value = (reply.body as { value: unknown }).value;
  return typeof value === 'string' ? value : visibleText(value);
}

const stored = async (): Promise<Feedback[]> =>
  (await h.store.pairs.list(PAIR, { type: 'feedback' })).items.map((i) => i.doc);

/** Every card of `email` with this title, sent or updated, by visible text. */
const cards = (email: string, title: 'Agenda' | 'Summary', op?: 'send' | 'update') =>
  h.teams
    .activities(email)
    .filter((a) => (op === undefined || a.op === op) && a.attachments !== undefined)
    .map((a) => visibleText((a.attachments?.[0] as { content: unknown }).content))
    .filter((text) => text.startsWith(title));

/** The lines of an agenda's Feedback section. */
const feedbackSection = (agenda: string): string[] => {
  const lines = agenda.split('\n');
  const from = lines.indexOf('Feedback · 5 min');
  const to = lines.findIndex((line, i) => i > from && / · if time$/.test(line));
  return lines.slice(from + 2, to);
};

describe('SBI feedback', () => {
  it('a draft is its author’s alone; shared feedback reaches both agendas and the summary', async () => {
    await started();
    await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar

    const manager = await openCard(MARIA);
    expect(manager.text).toContain('For Dev Patel');
    expect(manager.text).not.toContain('What feedback do you have for me?');
    const draftReply = await press(MARIA, {
      feedbackId: manager.feedbackId,
      state: 'draft',
      situation: 'Monday’s staff meeting',
      behavior: SECRET,
      request: 'Bring one point to the next one',
    });
    expect(draftReply).toContain('Draft saved. Only you see it until you share it.');
    expect(draftReply).toContain('For Dev Patel');

    const report = await openCard(DEV);
    expect(report.text).toContain('For Maria Lopez');
    expect(report.text).toContain('What feedback do you have for me?');
    const devUpdatesBefore = cards(DEV, 'Agenda', 'update').length;
    expect(devUpdatesBefore).toBe(0); // the draft did not even touch Dev's agenda card
    const shared = await press(DEV, {
      feedbackId: report.feedbackId,
      state: 'shared',
      situation: 'Our last three 1:1s',
      behavior: 'You moved them at an hour’s notice',
      impact: 'I stopped preparing topics',
      request: 'Keep the slot, or tell me a day before',
    });
    expect(shared).toMatch(
      /^Shared with Maria Lopez: it is in the Feedback section of your 1:1 on 2026-03-03/,
    );

    // Both agenda cards were updated in place: Dev's feedback on both, Maria's draft on hers only.
    const devAgenda = cards(DEV, 'Agenda', 'update').at(-1)!;
    const mariaAgenda = cards(MARIA, 'Agenda', 'update').at(-1)!;
    expect(feedbackSection(devAgenda)).toEqual([
      'From Dev Patel',
      'Situation: Our last three 1:1s',
      'Behavior: You moved them at an hour’s notice',
      'Impact: I stopped preparing topics',
      'Request: Keep the slot, or tell me a day before',
    ]);
    expect(feedbackSection(mariaAgenda)).toEqual([
      'From Dev Patel',
      'Situation: Our last three 1:1s',
      'Behavior: You moved them at an hour’s notice',
      'Impact: I stopped preparing topics',
      'Request: Keep the slot, or tell me a day before',
      'From Maria Lopez · draft, only you see this',
      'Situation: Monday’s staff meeting',
      `Behavior: ${SECRET}`,
      'Request: Bring one point to the next one',
    ]);

    // Maria writes another and shares it: it joins both agendas; the draft stays hers.
    const second = await openCard(MARIA);
    await press(MARIA, {
      feedbackId: second.feedbackId,
      state: 'shared',
      behavior: 'You wrote the rollback plan before anyone asked',
      impact: 'The release went out on time',
      request: 'Walk the team through it on Friday',
    });
    expect(feedbackSection(cards(DEV, 'Agenda', 'update').at(-1)!)).toContain(
      'Behavior: You wrote the rollback plan before anyone asked',
    );
    expect(feedbackSection(await replyText(DEV, 'agenda'))).toHaveLength(5 + 4);

    // Sharing again changes nothing: shared feedback stays as it was.
    expect(
      await press(MARIA, { feedbackId: second.feedbackId, state: 'draft', behavior: 'x', request: 'y' }),
    ).toMatch(/already shared/);

    await h.at('2026-03-03T08:46:00Z'); // the summaries
    const [devSummary] = cards(DEV, 'Summary', 'send');
    const [mariaSummary] = cards(MARIA, 'Summary', 'send');
    for (const summary of [devSummary!, mariaSummary!]) {
      expect(summary).toContain('Feedback · shared');
      expect(summary).toContain('Behavior: You moved them at an hour’s notice');
      expect(summary).toContain('Behavior: You wrote the rollback plan before anyone asked');
      expect(summary).not.toContain(SECRET); // drafts are never in a summary, not even the author's
    }

    // Shared after that 1:1: it lands on the next one (Tue 10 Mar), on the agenda and in the summary.
    await h.at('2026-03-04T10:00:00Z');
    const late = await openCard(DEV);
    await press(DEV, {
      feedbackId: late.feedbackId,
      state: 'shared',
      behavior: 'You asked for my estimate first',
      request: 'Keep doing that',
    });
    await h.at('2026-03-09T08:01:00Z'); // the agendas of Tue 10 Mar
    const nextDev = feedbackSection(cards(DEV, 'Agenda', 'send').at(-1)!);
    const nextMaria = feedbackSection(cards(MARIA, 'Agenda', 'send').at(-1)!);
    expect(nextDev).toEqual([
      'From Dev Patel',
      'Behavior: You asked for my estimate first',
      'Request: Keep doing that',
    ]);
    // the draft waits on its author's agenda; what was shared on 3 Mar stays with 3 Mar
    expect(nextMaria).toContain('From Maria Lopez · draft, only you see this');
    expect(nextMaria.join('\n')).not.toContain('rollback plan');
    await h.at('2026-03-10T08:46:00Z');
    expect(cards(DEV, 'Summary', 'send').at(-1)).toContain('Behavior: You asked for my estimate first');

    // The draft never reached Dev: no card, update, reply or summary, and not his export.
    expect(JSON.stringify(h.teams.activities(DEV))).not.toContain(SECRET);
    const devFile = await exportPerson(h.store, (await userByEmail(h.store, DEV))!, '2026-03-11T09:00:00Z');
    expect(JSON.stringify(devFile)).not.toContain(SECRET);
    expect(devFile.pairs[0]!.feedback).toHaveLength(3);
    const mariaFile = await exportPerson(
      h.store,
      (await userByEmail(h.store, MARIA))!,
      '2026-03-11T09:00:00Z',
    );
    expect(mariaFile.pairs[0]!.feedback.map((f) => f.state).sort()).toEqual([
      'draft',
      'shared',
      'shared',
      'shared',
    ]);
  });

  it.each([
    [
      'an empty Behavior',
      { behavior: '  ', request: 'Keep the slot' },
      'Behavior: say what they did, something you saw or heard, not a trait.',
    ],
    ['no Behavior', { request: 'Keep the slot' }, 'Behavior: say what they did'],
    [
      'an empty Request',
      { behavior: 'You moved our 1:1', request: '' },
      'Request: say what you ask for next time, one step they can take.',
    ],
    [
      'a part too long',
      { behavior: 'x'.repeat(1001), request: 'Keep the slot' },
      'Behavior: it must be at most 1000 characters.',
    ],
  ])('refuses %s with the reason, keeps what was typed, and stores nothing', async (_, parts, reason) => {
    await started();
    await h.at('2026-03-02T08:01:00Z');
    const { feedbackId } = await openCard(MARIA);
    const before = h.teams.requests.length;
    const reply = await press(MARIA, { feedbackId, state: 'shared', situation: 'In the review', ...parts });
    expect(reply).toContain(`Not saved. ${reason}`);
    expect(reply).toContain('Save as draft');
    expect(
      JSON.stringify(
        (
          await h.teams.invoke(MARIA, {
            verb: 'saveFeedback',
            data: { pairId: PAIR, feedbackId, state: 'draft', situation: 'In the review', ...parts },
          })
        ).body,
      ),
    ).toContain('"value":"In the review"');
    expect(await stored()).toEqual([]);
    expect(h.teams.requests.length, 'no agenda update, no message to Dev').toBe(before);
  });

  it('refuses another pair, and another person’s feedback, and changes nothing', async () => {
    h = await botHarness({ reports: [DEV, ANA] });
    await h.install(MARIA, DEV, ANA);
    await h.at('2026-03-02T08:01:00Z');
    await h.teams.say(MARIA, 'feedback'); // two 1:1s: which one?
    expect(visibleText(lastCard(MARIA))).toContain('Which 1:1?');
    const { feedbackId } = await openCardFor(MARIA, PAIR);
    await press(MARIA, { feedbackId, state: 'draft', behavior: SECRET, request: 'Bring one point' });
    const before = await stored();
    const valid = { feedbackId, state: 'shared' as const, behavior: 'Forged', request: 'Forged' };

    // Ana is not in Maria and Dev's 1:1: a card naming it is refused.
    expect(await press(ANA, valid)).toBe('That 1:1 is not one of yours. Nothing was changed.');
    // Dev is, but the feedback id is Maria's draft: he can neither share nor overwrite it.
    expect(await press(DEV, valid)).toBe('That feedback is not one of yours. Nothing was changed.');
    // Nor can a card write feedback over another kind of document of the pair.
    expect(await press(DEV, { ...valid, feedbackId: 'pair' })).toMatch(/not one of yours/);
    expect(await stored()).toEqual(before);
    expect(before[0]?.state).toBe('draft');
    expect(JSON.stringify(h.teams.activities(DEV))).not.toContain(SECRET);
    expect(JSON.stringify(h.teams.activities(ANA))).not.toContain(SECRET);
  });
});

async function replyText(email: string, text: string): Promise<string> {
  await h.teams.say(email, text);
  return visibleText(lastCard(email));
}

/** With several 1:1s: `feedback`, then the pair chosen on the "Which 1:1?" card. */
async function openCardFor(email: string, pairId: string) {
  const reply = await h.teams.invoke(email, { verb: 'choosePair', data: { pairId, command: 'feedback' } });
  const card = (reply.body as { value: unknown }).value;
  expect(visibleText(card)).toContain('For Dev Patel');
  const actions = (card as { actions: { data: { feedbackId: string } }[] }).actions;
  return { feedbackId: actions[0]!.data.feedbackId };
}
