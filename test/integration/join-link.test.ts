import { afterEach, describe, expect, it } from 'vitest';
import { DEV, MARIA, botHarness, weeklyWith } from '../support/bot-harness.js';
import { nodes } from '../support/card-nodes.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const MEET = 'https://meet.google.com/abc-defg-hij';
const AGENDA_DUE = '2026-03-02T08:00:00Z';

/** Maria's weekly 1:1 with Dev, with these fields added to the event on both calendars. */
async function started(fields: Record<string, unknown>) {
  h = await botHarness();
  for (const email of [MARIA, DEV]) h.calendar.fake.upsertEvent(email, { ...weeklyWith(DEV), ...fields });
  await h.install(MARIA, DEV);
  await h.at(AGENDA_DUE);
}

/** The agendas `email` was sent, as they now are (updates included): activity id and card. */
const agendas = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send' && a.attachments !== undefined)
    .map((a) => ({ id: a.id, card: (a.attachments?.[0] as { content: unknown }).content }))
    .filter((a) => visibleText(a.card as never).startsWith('Agenda'));
const agenda = (email: string) => agendas(email).at(-1);
/** The Join buttons of the latest agenda of `email`, as their links. */
const joins = (email: string) =>
  nodes(agenda(email)?.card)
    .filter((node) => node['type'] === 'Action.OpenUrl' && node['title'] === 'Join')
    .map((node) => node['url']);

describe('the agenda’s Join', () => {
  it('opens the event’s Meet link, on both agendas', async () => {
    await started({ hangoutLink: MEET });
    expect(joins(MARIA)).toEqual([MEET]);
    expect(joins(DEV)).toEqual([MEET]);
  });

  it('is updated in place when the event’s link changes', async () => {
    await started({ hangoutLink: MEET });
    const sent = agenda(MARIA)?.id;
    const changed = 'https://meet.google.com/xyz-wxyz-xyz';
    h.calendar.fake.upsertEvent(MARIA, { ...weeklyWith(DEV), hangoutLink: changed });
    await h.calendar.drainSyncs();
    await h.at('2026-03-02T08:05:00Z');
    expect(joins(MARIA)).toEqual([changed]);
    expect(joins(DEV)).toEqual([changed]);
    expect(agenda(MARIA)?.id).toBe(sent);
    expect(agendas(MARIA)).toHaveLength(1);
    expect(h.teams.activities(MARIA).filter((a) => a.op === 'update')).not.toHaveLength(0);
  });

  it('is absent when the event has no call, and nothing is taken from its location or description', async () => {
    await started({ location: MEET, description: `Join at ${MEET}` });
    expect(joins(MARIA)).toEqual([]);
    expect(JSON.stringify(agenda(MARIA)?.card)).not.toContain('meet.google.com');
  });

  it('is absent for a link that is not the provider’s own https link', async () => {
    await started({ hangoutLink: 'http://meet.google.com/abc-defg-hij' });
    expect(joins(MARIA)).toEqual([]);
  });
});
