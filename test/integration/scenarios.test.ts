import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COACHING_TIPS } from '../../shared/domain/index.js';
import { runScenario } from '../../sandbox/simulate/run-scenario.js';
import { parseScenario } from '../../sandbox/simulate/scenario.js';
import { DIGEST_FOR_MANAGERS } from '../../teams-app/bot/trust-digest.js';

type Line = Awaited<ReturnType<typeof runScenario>>[number] & { pair?: string; occurrence?: string };
const MARIA = 'maria@contoso.com';
const DEV = 'dev@contoso.com';

async function run(name: string): Promise<Line[]> {
  const parsed = parseScenario(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return runScenario(parsed.scenario);
}
const sends = (lines: Line[], kind: string) => lines.filter((l) => l.kind === kind && l.op === 'send');
const of = (lines: Line[], kind: string, occurrence: string) =>
  sends(lines, kind).filter((l) => l.occurrence === occurrence);

/** Rules every transcript obeys, whatever the scenario. */
function invariants(lines: Line[]): void {
  for (const line of lines) {
    if (line.pair !== undefined)
      expect(line.pair.split('|'), `${line.kind} to a person outside the pair`).toContain(line.to);
  }
  const once = new Set<string>();
  for (const line of lines.filter((l) => l.op === 'send' && l.occurrence !== undefined)) {
    const key = `${line.kind} ${line.occurrence ?? ''} ${line.to}`;
    expect(once.has(key), `sent twice: ${key}`).toBe(false);
    once.add(key);
  }
  for (const line of sends(lines, 'cadenceAlert')) expect(line.pair?.startsWith(`${line.to}|`)).toBe(true); // the manager only
  for (const line of lines) {
    if (line.pair === undefined) continue;
    const content = JSON.stringify([line.text, line.card ?? null]);
    const tips = COACHING_TIPS.filter((tip) => content.includes(tip));
    if (!line.pair.startsWith(`${line.to}|`))
      expect(tips, `a coaching tip to the report ${line.to}`).toEqual([]);
    else if (line.kind === 'agenda' && line.op === 'send' && !line.text.includes('\nDeclined\n'))
      expect(tips, 'the manager’s agenda of a 1:1 going ahead').toHaveLength(1);
    else expect(tips.length).toBeLessThanOrEqual(1);
  }
  expect([...lines].sort((a, b) => a.at.localeCompare(b.at))).toEqual(lines);
}

const scenarios = readdirSync(new URL('../scenarios/', import.meta.url)).filter((f) => f.endsWith('.json'));

describe('scenarios in test/scenarios, checked against the product rules', () => {
  it('has at least eight scenarios, the sample organisation among them', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    expect(scenarios).toContain('sample-organisation.json');
  });

  it('sample organisation: the manager alone is alerted once, when the second cancellation in a row is made', async () => {
    const lines = await run('sample-organisation');
    invariants(lines);
    const alerts = sends(lines, 'cadenceAlert');
    expect(alerts.map((l) => [l.at, l.to, l.occurrence])).toEqual([
      ['2026-03-10T10:00:00Z', MARIA, '2026-03-16T10:00:00Z'],
    ]);
    expect(alerts[0]?.text).toMatch(/Li Wei[\s\S]*Mon, 2 Mar 2026\n[\s\S]*Mon, 16 Mar 2026 \(still ahead\)/);
    for (const cancelled of ['2026-03-02T10:00:00Z', '2026-03-16T10:00:00Z']) {
      expect([...of(lines, 'agenda', cancelled), ...of(lines, 'summary', cancelled)]).toEqual([]);
    }
    expect(
      of(lines, 'agenda', '2026-03-05T13:00:00Z')
        .map((l) => l.to)
        .sort(),
    ).toEqual(['ana@contoso.com', MARIA]);
    expect(of(lines, 'agenda', '2026-03-05T13:00:00Z')[0]?.text).toContain('Conference budget');
  });

  it('cancelled ahead: two cancellations a week ahead alert at once, naming both dates; an undone one counts for nothing', async () => {
    const lines = await run('cancelled-ahead');
    invariants(lines);
    const alerts = sends(lines, 'cadenceAlert');
    // the second cancellation is made at 10:05 on 3 March: the alert comes within 10 minutes of it
    expect(alerts.map((l) => [l.to, l.occurrence])).toEqual([[MARIA, '2026-03-17T08:00:00Z']]);
    const at = new Date(alerts[0]?.at ?? '').getTime();
    expect(at - new Date('2026-03-03T10:05:00Z').getTime()).toBeLessThanOrEqual(10 * 60_000);
    expect((alerts[0]?.at ?? '') >= '2026-03-03T10:05:00Z').toBe(true);
    expect(alerts[0]?.text).toContain('is called off 2 times in a row');
    expect(alerts[0]?.text).toMatch(/Tue, 10 Mar 2026 \(still ahead\)\n• Tue, 17 Mar 2026 \(still ahead\)/);
    // the 24th, cancelled on 2 March and restored half an hour later, is not a miss: held, not named
    expect(alerts[0]?.text).not.toContain('24 Mar');
    expect(of(lines, 'summary', '2026-03-24T08:00:00Z')).toHaveLength(2);
  });

  it("declined series: one alert that names the decline, no agendas to Dev, Maria's agendas say he declined", async () => {
    const lines = await run('declined-series');
    invariants(lines);
    const alerts = sends(lines, 'cadenceAlert');
    expect(alerts.map((l) => [l.at, l.to])).toEqual([['2026-03-05T10:00:00Z', MARIA]]);
    expect(alerts[0]?.text).toContain('Dev Patel declined your 1:1 series from Tue, 10 Mar 2026 on');
    expect(alerts[0]?.text).not.toMatch(/times in a row|of the last/);
    for (const day of ['10', '17', '24']) {
      const at = `2026-03-${day}T08:00:00Z`;
      expect(of(lines, 'agenda', at).map((l) => l.to)).toEqual([MARIA]);
      expect(of(lines, 'agenda', at)[0]?.text).toContain(
        'Dev Patel declined this 1:1 and every one of the series from Tue, 10 Mar 2026 on.',
      );
      expect(of(lines, 'summary', at)).toEqual([]);
    }
  });

  it('not held: "It didn\'t happen" updates both summaries, alerts with the next cancellation, and counts in the digest', async () => {
    const lines = await run('not-held');
    invariants(lines);
    const updates = lines.filter((l) => l.op === 'update' && l.kind === 'summary');
    expect(updates.map((l) => [l.at, l.to, l.occurrence])).toEqual([
      ['2026-03-03T09:00:00Z', DEV, '2026-03-03T08:00:00Z'],
      ['2026-03-03T09:00:00Z', MARIA, '2026-03-03T08:00:00Z'],
    ]);
    expect(updates[0]?.text).toContain('This 1:1 did not happen · said by Maria Lopez on Tue 3 Mar');
    expect(updates[1]?.text).toContain('This 1:1 did not happen · said by you on Tue 3 Mar');
    expect(updates.every((l) => !l.text.includes('Did this 1:1 happen?'))).toBe(true);
    const alerts = sends(lines, 'cadenceAlert');
    expect(alerts.map((l) => [l.at, l.to, l.occurrence])).toEqual([
      ['2026-03-03T09:00:00Z', MARIA, '2026-03-10T08:00:00Z'],
    ]);
    expect(alerts[0]?.text).toMatch(/• Tue, 3 Mar 2026\n• Tue, 10 Mar 2026 \(still ahead\)/);
    // the month's deep dive stays the 3 March one: its prompt went out and is not asked again
    expect(sends(lines, 'deepDive').map((l) => l.occurrence)).toEqual([
      '2026-03-03T08:00:00Z',
      '2026-04-07T07:00:00Z',
    ]);
    // April's digest: 3 March not held and 10 March cancelled; 17, 24 and 31 March held
    const digests = sends(lines, 'trustDigest').filter((l) => l.text.includes('April 2026'));
    expect(digests.map((l) => l.text.match(/Dev Patel: \d+ of \d+ held/)?.[0])).toEqual([
      'Dev Patel: 3 of 5 held',
    ]);
  });

  it('two weeks: a topic added in chat is on both agendas, covered by a press, and in the summary', async () => {
    const lines = await run('two-weeks');
    invariants(lines);
    expect(
      of(lines, 'agenda', '2026-03-03T08:00:00Z').every((l) =>
        l.text.includes('Career path for next quarter'),
      ),
    ).toBe(true);
    expect(
      lines
        .filter((l) => l.op === 'update' && l.kind === 'agenda')
        .map((l) => l.to)
        .sort(),
    ).toEqual([DEV, MARIA]);
    expect(of(lines, 'summary', '2026-03-03T08:00:00Z')[0]?.text).toMatch(
      /Covered[\s\S]*Career path for next quarter/,
    );
  });

  it('erased: what was sent before Dev deleted his data keeps its kind, pair and occurrence; nothing follows', async () => {
    const lines = await run('erased');
    invariants(lines);
    const pair = `${MARIA}|${DEV}`;
    expect(
      lines.filter((l) => l.at < '2026-03-04').map((l) => [l.to, l.kind, l.pair ?? '', l.occurrence ?? '']),
    ).toEqual([
      [MARIA, 'welcome', '', ''],
      [DEV, 'welcome', '', ''],
      [DEV, 'reply', '', ''],
      [MARIA, 'agenda', pair, '2026-03-03T08:00:00Z'],
      [MARIA, 'trustDigest', '', ''],
      [DEV, 'agenda', pair, '2026-03-03T08:00:00Z'],
      [DEV, 'deepDive', pair, '2026-03-03T08:00:00Z'],
      [MARIA, 'summary', pair, '2026-03-03T08:00:00Z'],
      [DEV, 'summary', pair, '2026-03-03T08:00:00Z'],
    ]);
    // after the erasure: his confirmation, Maria told, and no agenda of the 10 March 1:1 for anyone
    expect(lines.filter((l) => l.at >= '2026-03-04').map((l) => [l.to, l.kind, l.op])).toEqual([
      [DEV, 'reply', 'send'],
      [MARIA, 'reply', 'send'],
      [DEV, 'reply', 'update'],
    ]);
  });

  it('moved: same occurrence key, agenda a day before the new time, showing the new time', async () => {
    const lines = await run('moved-occurrence');
    invariants(lines);
    const agendas = of(lines, 'agenda', '2026-03-10T08:00:00Z');
    expect(agendas.map((l) => l.at)).toEqual(['2026-03-10T14:00:00Z', '2026-03-10T14:00:00Z']);
    expect(agendas[0]?.text).toContain('Wed, 11 Mar 2026, 15:00');
    expect(of(lines, 'summary', '2026-03-10T08:00:00Z').map((l) => l.at)).toEqual([
      '2026-03-11T14:45:00Z',
      '2026-03-11T14:45:00Z',
    ]);
  });

  it('declined: no agenda and no summary for the declined occurrence; one miss is no alert', async () => {
    const lines = await run('declined');
    invariants(lines);
    expect([
      ...of(lines, 'agenda', '2026-03-10T08:00:00Z'),
      ...of(lines, 'summary', '2026-03-10T08:00:00Z'),
    ]).toEqual([]);
    expect(sends(lines, 'cadenceAlert')).toEqual([]);
  });

  it('private notes: each reaches only its author, in every message; shared notes reach both', async () => {
    const lines = await run('private-notes');
    invariants(lines);
    const everything = (to: string) =>
      lines
        .filter((l) => l.to === to)
        .map((l) => JSON.stringify(l))
        .join('\n');
    expect(everything(DEV)).not.toContain('Dev looked tired');
    expect(everything(MARIA)).not.toContain('the Berlin team');
    expect(of(lines, 'summary', '2026-03-03T08:00:00Z').find((l) => l.to === MARIA)?.text).toContain(
      'Dev looked tired',
    );
    expect(
      of(lines, 'summary', '2026-03-03T08:00:00Z').every((l) =>
        l.text.includes('We agreed to move the deadline'),
      ),
    ).toBe(true);
  });

  it('during the meeting: what Maria and Dev type goes to their 1:1 unasked and to its summary alone; with two in progress she is asked; Join follows the Meet link', async () => {
    const lines = await run('during-the-meeting');
    invariants(lines);
    const replies = sends(lines, 'reply').map((l) => [l.at, l.to, l.text.split('\n')[0]]);
    expect(replies).toEqual([
      [
        '2026-03-03T08:10:00Z',
        MARIA,
        'Note saved on your 1:1 with Dev Patel on 2026-03-03; you both see it in the summary.',
      ],
      [
        '2026-03-03T08:12:00Z',
        MARIA,
        'Action item on your 1:1 with Dev Patel on 2026-03-03, for Dev Patel by 2026-03-10: Draft the billing split',
      ],
      [
        '2026-03-03T08:14:00Z',
        DEV,
        'Note saved on your 1:1 with Maria Lopez on 2026-03-03; you both see it in the summary.',
      ],
      ['2026-03-03T10:20:00Z', MARIA, 'Which 1:1?'],
    ]);
    const summaries = sends(lines, 'summary');
    const devs = summaries.filter((l) => l.occurrence === '2026-03-03T08:00:00Z');
    expect(devs.map((l) => l.to).sort()).toEqual([DEV, MARIA]);
    for (const summary of devs)
      for (const said of [
        'Agreed to split the billing work',
        'Draft the billing split',
        'I take the invoices',
        'Share the invoice list', // Dev's action item for Maria, from his agenda card
      ])
        expect(summary.text).toContain(said);
    // Dev's private note from his card: in his summary, in nothing Maria got
    expect(devs.find((l) => l.to === DEV)?.text).toContain('Ask about the Berlin move');
    expect(JSON.stringify(lines.filter((l) => l.to === MARIA))).not.toContain('Berlin move');
    const others = summaries.filter((l) => l.occurrence !== '2026-03-03T08:00:00Z');
    expect(others).toHaveLength(4);
    for (const summary of others) expect(summary.text).not.toMatch(/billing|invoices|in progress/);

    // the agenda's Join is the event's Meet link; when the organizer's event changes it, both cards follow
    const joins = (line: Line) =>
      JSON.stringify(line.card ?? null).match(/https:\/\/meet\.google\.com\/[a-z-]+/g) ?? [];
    const agendas = lines.filter((l) => l.kind === 'agenda');
    for (const line of agendas.filter((l) => l.occurrence === '2026-03-03T08:00:00Z'))
      expect(joins(line)).toEqual([
        line.at < '2026-03-02T12:00:00Z'
          ? 'https://meet.google.com/abc-defg-hij'
          : 'https://meet.google.com/new-link-now',
      ]);
    expect(
      agendas
        .filter((l) => l.op === 'update' && l.at === '2026-03-02T12:00:00Z')
        .map((l) => l.to)
        .sort(),
    ).toEqual([DEV, MARIA]);
    for (const line of agendas.filter((l) => l.occurrence !== '2026-03-03T08:00:00Z'))
      expect(joins(line)).toEqual([]);
  });

  it('DST in Berlin (29 March) and New York (8 March): agendas a day before the local time, which stays put', async () => {
    const berlin = await run('dst-berlin');
    invariants(berlin);
    expect(
      sends(berlin, 'agenda')
        .filter((l) => l.to === MARIA)
        .map((l) => [l.at, l.occurrence]),
    ).toEqual([
      ['2026-03-23T08:00:00Z', '2026-03-24T08:00:00Z'],
      ['2026-03-30T07:00:00Z', '2026-03-31T07:00:00Z'],
    ]);
    const newYork = await run('dst-new-york');
    invariants(newYork);
    expect(
      sends(newYork, 'agenda')
        .filter((l) => l.to === MARIA)
        .map((l) => [l.at, l.occurrence]),
    ).toEqual([
      ['2026-03-01T15:00:00Z', '2026-03-02T15:00:00Z'],
      ['2026-03-08T14:00:00Z', '2026-03-09T14:00:00Z'],
    ]);
  });

  it('series ended: nothing after UNTIL, and an ended series is not a miss', async () => {
    const lines = await run('series-ended');
    invariants(lines);
    expect(sends(lines, 'agenda').every((l) => (l.occurrence ?? '') < '2026-03-11')).toBe(true);
    expect(sends(lines, 'cadenceAlert')).toEqual([]);
  });

  it('group meetings and all-day events are not 1:1s: only welcomes', async () => {
    const lines = await run('not-one-on-ones');
    invariants(lines);
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['welcome']));
  });

  it("deep dive: the first 1:1 of each month prompts the report only; shared scores reach the manager's next deep dive", async () => {
    const lines = await run('deep-dive');
    invariants(lines);
    expect(sends(lines, 'deepDive').map((l) => [l.to, l.occurrence])).toEqual([
      [DEV, '2026-03-03T08:00:00Z'],
      [DEV, '2026-04-07T07:00:00Z'],
    ]);
    expect(of(lines, 'agenda', '2026-04-07T07:00:00Z').find((l) => l.to === MARIA)?.text).toContain(
      'Happiness, shared: Mar 2026 8',
    );
    expect(of(lines, 'agenda', '2026-04-07T07:00:00Z').find((l) => l.to === DEV)?.text).not.toContain(
      'Happiness, shared',
    );
  });

  it('directory and addresses: a report-organized 1:1 gets its roles from the directory; an alias and a DOMAIN_MAP domain get agendas', async () => {
    const lines = await run('directory-addresses');
    invariants(lines);
    const ANA = 'ana@contoso.com';
    // Dev organizes his 1:1, yet the directory names Maria his manager: she is the manager of the pair
    expect(new Set(lines.filter((l) => l.pair !== undefined).map((l) => l.pair))).toEqual(
      new Set([`${MARIA}|${DEV}`, `${MARIA}|${ANA}`]),
    );
    expect(sends(lines, 'deepDive').map((l) => [l.to, l.occurrence])).toEqual([
      [DEV, '2026-03-03T08:00:00Z'],
      [ANA, '2026-03-05T13:00:00Z'],
    ]);
    // Dev's Teams address is dev@contoso.onmicrosoft.com (DOMAIN_MAP), Ana's her alias ana.silva@
    const agendas = (occurrence: string) =>
      of(lines, 'agenda', occurrence)
        .map((l) => l.to)
        .sort();
    expect(agendas('2026-03-03T08:00:00Z')).toEqual([DEV, MARIA]);
    expect(agendas('2026-03-05T13:00:00Z')).toEqual([ANA, MARIA]);
    // and what they add from Teams reaches the manager's card (updated in place)
    const latest = (occurrence: string) =>
      lines.filter((l) => l.kind === 'agenda' && l.occurrence === occurrence && l.to === MARIA).at(-1)?.text;
    expect(latest('2026-03-03T08:00:00Z')).toContain('Hiring plan for my team');
    expect(latest('2026-03-05T13:00:00Z')).toContain('Conference budget');
  });

  it("alias invitation: an invitation naming Dev by his alias, in capitals, is Dev's 1:1 (issue 27)", async () => {
    const lines = await run('alias-invitation');
    invariants(lines);
    // Maria's invitation names DEV.PATEL@contoso.com, Dev's alias; his Teams address is the alias too
    expect(new Set(lines.filter((l) => l.pair !== undefined).map((l) => l.pair))).toEqual(
      new Set([`${MARIA}|${DEV}`]),
    );
    expect(
      of(lines, 'agenda', '2026-03-03T08:00:00Z')
        .map((l) => l.to)
        .sort(),
    ).toEqual([DEV, MARIA]);
    expect(lines.find((l) => l.to === DEV && l.kind === 'reply')?.text).toBe(
      'Added to the agenda of your 1:1 with Maria Lopez on 2026-03-03: Hiring plan for my team',
    );
    expect(
      lines
        .filter((l) => l.kind === 'agenda' && l.occurrence === '2026-03-03T08:00:00Z' && l.to === MARIA)
        .at(-1)?.text,
    ).toContain('Hiring plan for my team');
    // his decline of 10 Mar, his own copy naming him by the alias: no agenda, no summary
    expect([
      ...of(lines, 'agenda', '2026-03-10T08:00:00Z'),
      ...of(lines, 'summary', '2026-03-10T08:00:00Z'),
    ]).toEqual([]);
  });

  describe('coaching month: feedback, a growth plan, a career conversation and the trust digest, used in chat and on cards', () => {
    const SHARED = 'You walked the team through the billing migration trade-offs';
    const DRAFT = 'You changed the sprint scope after we had committed';
    const GOAL = 'Goal for Q1 2026: Run the payments on-call rotation on my own';
    const DIGEST = 'Trust digest · only you see this';
    const everything = (lines: Line[], to: string) =>
      lines
        .filter((l) => l.to === to)
        .map((l) => JSON.stringify(l))
        .join('\n');
    const where = (lines: Line[], kind: string, content: string) =>
      lines
        .filter((l) => l.kind === kind && l.text.includes(content))
        .map((l) => [l.at, l.to, l.op, l.occurrence]);
    let lines: Line[];
    beforeAll(async () => {
      lines = await run('coaching-month');
    });

    it('obeys the invariants: one coaching tip on each of the manager’s agendas, none to the report', () => {
      invariants(lines);
      expect(sends(lines, 'agenda').filter((l) => l.to === MARIA)).toHaveLength(6);
      expect(everything(lines, DEV)).not.toContain('Coaching tip');
    });

    it('shared feedback updates both agendas of the next 1:1 in place and is in both of its summaries', () => {
      expect(where(lines, 'agenda', SHARED)).toEqual([
        ['2026-03-09T10:05:00Z', MARIA, 'update', '2026-03-10T08:00:00Z'],
        ['2026-03-09T10:05:00Z', DEV, 'update', '2026-03-10T08:00:00Z'],
        ['2026-03-09T11:05:00Z', DEV, 'update', '2026-03-10T08:00:00Z'], // Dev's draft, on Dev's card alone
      ]);
      expect(where(lines, 'summary', SHARED)).toEqual([
        ['2026-03-10T08:45:00Z', MARIA, 'send', '2026-03-10T08:00:00Z'],
        ['2026-03-10T08:45:00Z', DEV, 'send', '2026-03-10T08:00:00Z'],
      ]);
      expect(where(lines, 'reply', 'Shared with Dev Patel')).toEqual([
        ['2026-03-09T10:05:00Z', MARIA, 'update', undefined],
      ]);
    });

    it("the report's draft is in the report's messages only: their agendas, never the manager's nor a summary", () => {
      expect(everything(lines, MARIA)).not.toContain(DRAFT);
      expect(where(lines, 'summary', DRAFT)).toEqual([]);
      expect(where(lines, 'agenda', DRAFT)).toEqual([
        ['2026-03-09T11:05:00Z', DEV, 'update', '2026-03-10T08:00:00Z'],
        ['2026-03-16T08:00:00Z', DEV, 'send', '2026-03-17T08:00:00Z'],
        ['2026-03-16T10:05:00Z', DEV, 'update', '2026-03-17T08:00:00Z'],
        ['2026-03-23T08:00:00Z', DEV, 'send', '2026-03-24T08:00:00Z'],
        ['2026-03-30T07:00:00Z', DEV, 'send', '2026-03-31T07:00:00Z'],
        ['2026-04-06T07:00:00Z', DEV, 'send', '2026-04-07T07:00:00Z'],
        ['2026-04-06T12:00:00Z', DEV, 'update', '2026-04-07T07:00:00Z'], // his checkpoint note, on his deep dive
      ]);
      expect(lines.filter((l) => l.at === '2026-03-09T11:05:00Z').map((l) => l.to)).toEqual([DEV, DEV]);
    });

    it("the growth goal is on both agendas from its save on, the ones already sent updated in place, until the quarter's end", () => {
      expect(where(lines, 'agenda', GOAL)).toEqual([
        ['2026-03-16T10:05:00Z', MARIA, 'update', '2026-03-17T08:00:00Z'],
        ['2026-03-16T10:05:00Z', DEV, 'update', '2026-03-17T08:00:00Z'],
        ['2026-03-23T08:00:00Z', MARIA, 'send', '2026-03-24T08:00:00Z'],
        ['2026-03-23T08:00:00Z', DEV, 'send', '2026-03-24T08:00:00Z'],
        ['2026-03-30T07:00:00Z', MARIA, 'send', '2026-03-31T07:00:00Z'],
        ['2026-03-30T07:00:00Z', DEV, 'send', '2026-03-31T07:00:00Z'],
      ]);
      expect(where(lines, 'reply', 'Saved. Last edited by Dev Patel')).toEqual([
        ['2026-03-16T10:05:00Z', DEV, 'update', undefined],
      ]);
    });

    it('`digest` answers the manager alone; the report is told it is for managers', () => {
      expect(where(lines, 'reply', DIGEST)).toEqual([['2026-03-18T09:00:00Z', MARIA, 'send', undefined]]);
      expect(where(lines, 'reply', DIGEST_FOR_MANAGERS)).toEqual([
        ['2026-03-18T09:10:00Z', DEV, 'send', undefined],
      ]);
      expect(everything(lines, DEV)).not.toContain('Trust digest');
    });

    it('the monthly trust digest reaches the manager once a month, with the agenda of the deep-dive 1:1', () => {
      expect(sends(lines, 'trustDigest').map((l) => [l.at, l.to, l.pair])).toEqual([
        ['2026-03-02T08:00:00Z', MARIA, undefined],
        ['2026-04-06T07:00:00Z', MARIA, undefined],
      ]);
      expect(lines.filter((l) => l.kind === 'trustDigest' && l.op === 'update')).toEqual([]);
      expect(sends(lines, 'deepDive').map((l) => l.at)).toEqual([
        '2026-03-02T08:00:00Z',
        '2026-04-06T07:00:00Z',
      ]);
      expect(of(lines, 'agenda', '2026-04-07T07:00:00Z').at(-1)?.text).not.toContain('Happiness, shared');
      expect(
        lines.find((l) => l.at === '2026-04-06T12:00:00Z' && l.to === MARIA && l.kind === 'agenda')?.text,
      ).toContain('Happiness, shared: Mar 2026 7 · Apr 2026 6');
    });

    it('a career conversation planned from the 17 March agenda is on both 24 March agendas, and its summaries record the goal', () => {
      const CAREER = 'Career conversation · planned by Maria Lopez';
      expect(where(lines, 'reply', 'It is in the chat below.')).toEqual([
        ['2026-03-16T09:00:00Z', MARIA, 'update', undefined],
      ]);
      expect(where(lines, 'reply', 'Planned: a career conversation')).toEqual([
        ['2026-03-16T09:05:00Z', MARIA, 'update', undefined],
      ]);
      expect(where(lines, 'agenda', CAREER)).toEqual([
        ['2026-03-23T08:00:00Z', MARIA, 'send', '2026-03-24T08:00:00Z'],
        ['2026-03-23T08:00:00Z', DEV, 'send', '2026-03-24T08:00:00Z'],
      ]);
      expect(
        where(lines, 'summary', 'Agreed goal for Q1 2026: Run the payments on-call rotation on my own'),
      ).toEqual([
        ['2026-03-24T08:45:00Z', MARIA, 'send', '2026-03-24T08:00:00Z'],
        ['2026-03-24T08:45:00Z', DEV, 'send', '2026-03-24T08:00:00Z'],
      ]);
      expect(where(lines, 'summary', 'Career conversation').map((l) => l[0])).toEqual([
        '2026-03-24T08:45:00Z',
        '2026-03-24T08:45:00Z',
      ]);
    });

    it("April's deep dive asks Dev how Q1's last checkpoint went and records his note in the pair's plan", () => {
      const [march, april] = sends(lines, 'deepDive');
      expect(march?.text).not.toContain('Growth plan'); // no plan yet on 2 March
      expect(april?.text).toContain('Growth plan');
      expect(april?.text).toContain('Checkpoint Tue 31 Mar 2026');
      expect(where(lines, 'reply', 'Your checkpoint note is in the growth plan you both see.')).toHaveLength(
        1,
      );
      // the note went in with the answers, and both agendas of that deep dive show it
      expect(everything(lines, DEV)).not.toContain('Nothing was saved');
      expect(where(lines, 'agenda', 'Checkpoint Tue 31 Mar 2026: Closed two incidents alone')).toEqual([
        ['2026-04-06T12:00:00Z', MARIA, 'update', '2026-04-07T07:00:00Z'],
        ['2026-04-06T12:00:00Z', DEV, 'update', '2026-04-07T07:00:00Z'],
      ]);
    });
  });

  it('a manager move: the directory names Ana as Dev’s manager; the new pair starts empty and Maria is never asked to confirm herself back', async () => {
    const ANA = 'ana@contoso.com';
    const lines = await run('manager-moves');
    const tipped = (line: Line) =>
      COACHING_TIPS.some((tip) => JSON.stringify([line.text, line.card]).includes(tip));
    const old = `${MARIA}|${DEV}`;
    const moved = '2026-03-05T10:00:00Z';
    // before the move Maria is Dev's manager: her agenda carries a coaching tip
    expect(
      of(lines, 'agenda', '2026-03-03T08:00:00Z').find((l) => l.to === MARIA && tipped(l)),
    ).toBeDefined();
    // after it, her 1:1 with Dev goes on, neutral: no question to answer, nothing only a manager sees
    const later = lines.filter((l) => l.pair === old && l.at > moved);
    expect(later.filter((l) => l.kind === 'agenda' && l.to === MARIA).map((l) => l.occurrence)).toEqual([
      '2026-03-10T08:00:00Z',
      '2026-03-17T08:00:00Z',
    ]);
    expect(later.filter((l) => /your report\?|Is that right\?|is asked who/.test(l.text))).toEqual([]);
    expect(lines.filter((l) => l.to === MARIA && l.at > moved && tipped(l))).toEqual([]);
    expect(later.filter((l) => ['deepDive', 'cadenceAlert'].includes(l.kind))).toEqual([]);
    // the new pair starts empty: Dev's topic stays with the old one; Ana is the trusted manager
    const ana = lines.filter((l) => l.pair === `${ANA}|${DEV}`);
    expect(
      ana.filter((l) => l.kind === 'agenda' && l.op === 'send').map((l) => [l.to, l.occurrence]),
    ).toEqual([
      [ANA, '2026-03-12T09:00:00Z'],
      [DEV, '2026-03-12T09:00:00Z'],
      [ANA, '2026-03-19T09:00:00Z'],
      [DEV, '2026-03-19T09:00:00Z'],
    ]);
    expect(ana.filter((l) => l.text.includes('Moving to the platform team'))).toEqual([]);
    expect(ana.filter((l) => l.kind === 'agenda' && l.to === ANA).every(tipped)).toBe(true);
    expect(later.filter((l) => l.text.includes('Moving to the platform team')).length).toBeGreaterThan(0);
  });

  it('refuses a directory step that names someone outside the scenario, or sets nothing', () => {
    const base = JSON.parse(
      readFileSync(new URL('../scenarios/manager-moves.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const withStep = (step: object) =>
      parseScenario(JSON.stringify({ ...base, steps: [{ at: '2026-03-05T10:00:00Z', ...step }] }));
    expect(withStep({ directory: DEV, set: { manager: 'nobody@contoso.com' } })).toEqual({
      ok: false,
      error: 'steps[0].set.manager: nobody@contoso.com is not one of the other people',
    });
    expect(withStep({ directory: DEV, set: { aliases: [MARIA] } })).toMatchObject({
      error: `steps[0].set.aliases: ${MARIA} is already another person's address`,
    });
    expect(withStep({ directory: 'nobody@contoso.com', set: { manager: null } })).toMatchObject({
      error: 'steps[0].directory: nobody@contoso.com is not one of the people',
    });
    expect(withStep({ directory: DEV, set: {} })).toMatchObject({ ok: false });
    expect(withStep({ directory: DEV, set: { manager: null, aliases: [] } })).toMatchObject({ ok: true });
  });

  describe('roles nobody has confirmed: no `manager` in the scenario, as production with no directory entry', () => {
    const LEE = 'lee@contoso.com';
    const DEV_PAIR = `${MARIA}|${DEV}`; // Maria organizes it and answers "Yes"
    const LEE_PAIR = `${LEE}|${MARIA}`; // Lee, Maria's report, organizes it and answers "No, they manage me"
    // trusted from the other person's agreement, not from the first answer (issue 28)
    const CONFIRMED: Record<string, string> = {
      [DEV_PAIR]: '2026-03-24T07:30:00Z',
      [LEE_PAIR]: '2026-03-24T11:00:00Z',
    };
    const MANAGER: Record<string, string> = { [DEV_PAIR]: MARIA, [LEE_PAIR]: MARIA };
    let lines: Line[];
    beforeAll(async () => {
      lines = await run('roles-unconfirmed');
    }, 60_000);
    const tipped = (line: Line) =>
      COACHING_TIPS.some((tip) => JSON.stringify([line.text, line.card]).includes(tip));
    const before = (line: Line) => line.pair !== undefined && line.at < (CONFIRMED[line.pair] ?? '');

    it('before the press nobody gets a coaching tip, a deep-dive prompt, a trust digest or a cadence alert', () => {
      const early = lines.filter((l) => l.at < '2026-03-24T07:00:00Z');
      expect(early.filter(tipped)).toEqual([]);
      expect(early.filter((l) => ['deepDive', 'trustDigest', 'cadenceAlert'].includes(l.kind))).toEqual([]);
      expect(lines.filter((l) => before(l) && tipped(l))).toEqual([]);
      // two misses in a row on each 1:1 (10 and 17 March, 11 and 18 March): no alert to anyone, ever
      expect(sends(lines, 'cadenceAlert')).toEqual([]);
      // both still get a neutral agenda and a summary of each held 1:1
      expect(
        of(lines, 'agenda', '2026-03-03T08:00:00Z')
          .map((l) => l.to)
          .sort(),
      ).toEqual([DEV, MARIA]);
      expect(
        of(lines, 'summary', '2026-03-04T09:00:00Z')
          .map((l) => l.to)
          .sort(),
      ).toEqual([LEE, MARIA]);
      // the first of the month is a deep dive by its questions, with no prompt and no digest
      expect(of(lines, 'agenda', '2026-03-03T08:00:00Z')[0]?.text).toContain('Monthly deep dive');
    });

    it('the organizer is asked "Is X your report?", the other person is told who is asked', () => {
      const [asked, told] = ['Is Dev Patel your report?', 'Maria Lopez is asked who manages whom'];
      expect(of(lines, 'agenda', '2026-03-03T08:00:00Z').find((l) => l.to === MARIA)?.text).toContain(asked);
      expect(of(lines, 'agenda', '2026-03-03T08:00:00Z').find((l) => l.to === DEV)?.text).toContain(told);
      expect(of(lines, 'agenda', '2026-03-04T09:00:00Z').find((l) => l.to === LEE)?.text).toContain(
        'Is Maria Lopez your report?',
      );
    });

    it('after the press and the other person’s check: the manager alone gets tips and the digest, the report the prompt', () => {
      const after = lines.filter((l) => l.pair !== undefined && !before(l));
      for (const line of after) {
        const manager = MANAGER[line.pair ?? ''];
        if (line.to !== manager) expect(tipped(line), `a tip to ${line.to}`).toBe(false);
        else if (line.kind === 'agenda' && line.op === 'send') expect(tipped(line)).toBe(true);
      }
      // the one the other person checked: Dev was told what Maria said, Maria what Lee said
      expect(lines.find((l) => l.to === DEV && l.at === '2026-03-24T07:00:00Z')?.text).toContain(
        'Maria Lopez said they manage you. Is that right?',
      );
      expect(lines.find((l) => l.to === MARIA && l.at === '2026-03-24T10:00:00Z')?.text).toContain(
        'Lee Chen said you manage them. Is that right?',
      );
      // April's deep dives: the prompt to each report, the digest once to Maria, who manages both
      expect(sends(lines, 'deepDive').map((l) => [l.to, l.occurrence])).toEqual([
        [LEE, '2026-04-01T08:00:00Z'],
        [DEV, '2026-04-07T07:00:00Z'],
      ]);
      expect(sends(lines, 'trustDigest').map((l) => l.to)).toEqual([MARIA]);
      // after the check nobody is asked again
      const later = lines.filter((l) => l.kind === 'agenda' && l.at > '2026-03-25T00:00:00Z');
      expect(later.filter((l) => /Is .* your report\?|Is that right\?|is asked who/.test(l.text))).toEqual(
        [],
      );
    });
  });

  it("a third person's copy of the pair's series (same iCalUID, cancelled occurrences, a COUNT=1 end), a made-up daily series and private copies change nothing of the pair", async () => {
    const ANA = 'ana@contoso.com';
    const text = readFileSync(new URL('../scenarios/third-calendar.json', import.meta.url), 'utf8');
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const scenario = parsed.scenario;
    const isNoise = (event: unknown) => (event as { privateCopy?: boolean }).privateCopy === true;
    // the same 1:1 with nothing but the two people's own calendars
    const control = {
      ...scenario,
      calendars: { [MARIA]: scenario.calendars[MARIA] ?? [], [DEV]: scenario.calendars[DEV] ?? [] },
      steps: scenario.steps.filter((s) => !('calendar' in s) || (s.calendar !== ANA && !isNoise(s.change))),
    };
    expect(control.steps.length).toBe(0);
    const [lines, expected] = [await runScenario(scenario), await runScenario(control)];
    const pair = (all: Line[]) => all.filter((l) => l.to !== ANA);
    expect(pair(lines)).toEqual(pair(expected));
    // and that is every Tuesday of March, held, with no alert and no daily 1:1
    expect(
      sends(lines, 'agenda')
        .filter((l) => l.to === MARIA)
        .map((l) => l.occurrence),
    ).toEqual([
      '2026-03-03T08:00:00Z',
      '2026-03-10T08:00:00Z',
      '2026-03-17T08:00:00Z',
      '2026-03-24T08:00:00Z',
      '2026-03-31T07:00:00Z',
    ]);
    expect(sends(lines, 'cadenceAlert')).toEqual([]);
    expect(lines.filter((l) => l.to === ANA).map((l) => l.kind)).toEqual(['welcome']);
  }, 60_000);
});
