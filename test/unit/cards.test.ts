import { describe, expect, test } from 'vitest';
import { agendaSamples, cadenceAlertSamples, cardSamples, deepDiveSamples } from '../support/card-samples.js';
import {
  CardDataError,
  cardData,
  renderCard,
  visibleText,
  type CardName,
} from '../../teams-app/cards/index.js';
import type { AgendaData } from '../../teams-app/cards/card-data.js';
import { CardAction } from '../../teams-app/cards/card-action.js';
import { loadCardValidator } from '../support/card-schema.js';
import { nodes, type Node } from '../support/card-nodes.js';

const executes = (card: unknown): Node[] => nodes(card).filter((node) => node.type === 'Action.Execute');
const inputIds = (card: unknown): unknown[] =>
  nodes(card)
    .filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.'))
    .map((node) => node.id);

const validate = loadCardValidator();
const cardNames = Object.keys(cardData) as CardName[];

const variants: [string, CardName, unknown][] = [
  ...cardNames.map((name): [string, CardName, unknown] => [name, name, cardSamples[name]]),
  ...Object.entries(agendaSamples).map(([variant, data]): [string, CardName, unknown] => [
    `agenda (${variant})`,
    'agenda',
    data,
  ]),
  ...Object.entries(deepDiveSamples).map(([variant, data]): [string, CardName, unknown] => [
    `deepDive (${variant})`,
    'deepDive',
    data,
  ]),
  ...Object.entries(cadenceAlertSamples).map(([variant, data]): [string, CardName, unknown] => [
    `cadenceAlert (${variant})`,
    'cadenceAlert',
    data,
  ]),
  [
    'agenda (manager’s deep dive, a year of scores, every answer)',
    'agenda',
    {
      ...agendaSamples.deepDiveManager,
      happinessTrend: Array.from({ length: 12 }, (_, index) => ({
        label: `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][index]} 2026`,
        happiness: 10 - (index % 10),
      })),
      sharedAnswers: { label: 'Dec 2026', makeItTen: 'Ten', learning: 'Learning', career: 'Career' },
    },
  ],
  ['agenda (manager, cancelled, with a tip)', 'agenda', { ...agendaSamples.manager, state: 'cancelled' }],
  [
    'summary (empty, no next)',
    'summary',
    {
      otherName: 'Ana',
      when: 'Tue 3 Mar',
      covered: [],
      carriedOver: [],
      notes: [],
      actionItems: [],
      moreTopics: 0,
      moreNotes: 0,
      moreActions: 0,
    },
  ],
  [
    'summary (truncated)',
    'summary',
    { ...cardSamples.summary, moreTopics: 3, moreNotes: 1, moreActions: 12 },
  ],
];

describe('every card variant', () => {
  test.each(variants)('%s is a valid Adaptive Card 1.5 with nothing left unexpanded', (_, name, data) => {
    const card = renderCard(name, data as never);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(validate(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  });
});

test('the validator rejects what is not a 1.5 card', () => {
  expect(
    validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', txt: 'x' }] }),
  ).not.toEqual([]);
  expect(
    validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel', pages: [] }] }),
  ).not.toEqual([]);
});

describe('verbs, data and input ids', () => {
  test('agenda: addTopic, addNote and addAction with their inputs, markCovered per open topic, markDone per open action', () => {
    const card = renderCard('agenda', agendaSamples.report);
    expect(inputIds(card)).toEqual(['topic', 'note', 'private', 'action', 'owner', 'due']);
    const input = (id: string) => nodes(card).find((node) => node.id === id);
    expect(input('topic')).toMatchObject({ type: 'Input.Text', maxLength: 500 });
    expect(input('note')).toMatchObject({ type: 'Input.Text', maxLength: 4000, isMultiline: true });
    expect(input('private')).toMatchObject({ type: 'Input.Toggle', value: 'false', valueOn: 'true' });
    expect(input('action')).toMatchObject({ type: 'Input.Text', maxLength: 500 });
    expect(input('owner')).toMatchObject({ type: 'Input.ChoiceSet', value: 'me' });
    expect(input('due')).toMatchObject({ type: 'Input.Date' });
    // every button sends every input: none may be required, or it would block the others
    expect(nodes(card).filter((node) => node.isRequired === true)).toEqual([]);
    expect(executes(card).map((action) => [action.verb, action.data])).toEqual([
      ['markCovered', { pairId: 'pair-ana-dev', topicId: 'topic-1' }],
      ['markCovered', { pairId: 'pair-ana-dev', topicId: 'topic-2' }],
      ['markCovered', { pairId: 'pair-ana-dev', topicId: 'topic-4' }],
      ['markDone', { pairId: 'pair-ana-dev', actionItemId: 'action-1' }],
      ['markDone', { pairId: 'pair-ana-dev', actionItemId: 'action-2' }],
      ['addTopic', { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' }],
      ['addNote', { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' }],
      ['addAction', { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' }],
      ['open', { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03', card: 'feedback' }],
      ['open', { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03', card: 'growthPlan' }],
    ]);
  });

  test('agenda: only the manager’s card has "Plan a career talk", and a cancelled one has no buttons', () => {
    const titles = (data: AgendaData) =>
      executes(renderCard('agenda', data)).flatMap((a) => (a.verb === 'open' ? [a.title] : []));
    expect(titles(agendaSamples.report)).toEqual(['Give feedback', 'Growth plan']);
    expect(titles(agendaSamples.manager)).toEqual(['Give feedback', 'Growth plan', 'Plan a career talk']);
    expect(titles({ ...agendaSamples.manager, state: 'cancelled' })).toEqual([]);
  });

  test('agenda: the row buttons do not send the inputs', () => {
    const rowButtons = executes(renderCard('agenda', agendaSamples.report)).filter(
      (a) => !['addTopic', 'addNote', 'addAction'].includes(String(a.verb)),
    );
    expect(rowButtons.every((action) => action.associatedInputs === 'none')).toBe(true);
  });

  test('a cancelled agenda has no buttons and no input', () => {
    const card = renderCard('agenda', agendaSamples.cancelled);
    expect(executes(card)).toEqual([]);
    expect(nodes(card).filter((node) => String(node.type).startsWith('Action.'))).toEqual([]);
    expect(inputIds(card)).toEqual([]);
  });

  test('deepDive: happiness (required, 1-10), makeItTen, learning, career, share off by default', () => {
    const card = renderCard('deepDive', deepDiveSamples.withoutPlan);
    expect(inputIds(card)).toEqual(['happiness', 'makeItTen', 'learning', 'career', 'share']);
    expect(visibleText(card)).not.toContain('Growth plan');
    const happiness = nodes(card).find((node) => node.id === 'happiness');
    expect(happiness).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect((happiness?.choices as Node[]).map((choice) => choice.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(nodes(card).find((node) => node.id === 'share')).toMatchObject({
      type: 'Input.Toggle',
      value: 'false',
    });
    expect(executes(card).map((action) => [action.verb, action.data])).toEqual([
      ['submitDeepDive', { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' }],
    ]);
  });

  test('deepDive with a growth plan: the checkpoint of the month just ended, its note prefilled, sent with Submit', () => {
    const card = renderCard('deepDive', deepDiveSamples.withPlan);
    expect(inputIds(card)).toEqual(['happiness', 'makeItTen', 'learning', 'career', 'share', 'checkpoint']);
    const checkpoint = nodes(card).find((node) => node.id === 'checkpoint');
    expect(checkpoint).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      maxLength: 500,
      value: 'First draft of the design doc written; Sam reviews it next week.',
    });
    expect(checkpoint?.isRequired).toBeUndefined();
    const lines = visibleText(card).split('\n');
    expect(lines).toContain('Growth plan');
    expect(lines).toContain(
      'Goal: Lead the design of the billing migration, from the first draft to the review',
    );
    expect(lines).toContain('Checkpoint Sat 28 Feb 2026');
    expect(lines).toContain(
      'Unlike your answers, this note is not private: it goes into the growth plan you and Ana Silva both see, whether or not you share your answers.',
    );
    expect(executes(card).map((action) => [action.verb, action.data])).toEqual([
      [
        'submitDeepDive',
        { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03', quarter: '2026-Q1', index: 1 },
      ],
    ]);
  });

  test('choosePair: a long command is carried once, in a hidden input each 1:1’s button sends, and stays under 80 KB', () => {
    const note = `note ${'😀'.repeat(4000)}`;
    const options = Array.from({ length: 20 }, (_, i) => ({ pairId: `pair-${i}`, label: `1:1 ${i}` }));
    const card = renderCard('choosePair', { command: note, options });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80_000);
    expect(executes(card).map((action) => [action.title, action.data])).toEqual(
      options.map((o) => [o.label, { pairId: o.pairId }]),
    );
    expect(inputIds(card)).toEqual(['command']);
    expect(nodes(card).find((node) => node.id === 'command')).toMatchObject({
      value: note,
      isVisible: false,
    });
    expect(validate(card)).toEqual([]);
    // what a press sends (the button's data and the card's inputs) is the same choosePair as a short one's
    expect(
      CardAction.parse({
        verb: 'choosePair',
        data: { ...(executes(card)[3]?.data as object), command: note },
      }),
    ).toEqual({
      verb: 'choosePair',
      data: { pairId: 'pair-3', command: note },
    });
    // a command of 500 characters or less is on each button, with no input
    const short = renderCard('choosePair', { command: `add ${'x'.repeat(496)}`, options });
    expect(executes(short)).toHaveLength(20);
    expect(inputIds(short)).toEqual([]);
  });

  test('choosePair: one choosePair button per option, carrying the command', () => {
    const card = renderCard('choosePair', cardSamples.choosePair);
    expect(executes(card).map((action) => [action.title, action.verb, action.data])).toEqual([
      [
        'Ana Silva (weekly, Tue 09:00)',
        'choosePair',
        { pairId: 'pair-ana-dev', command: 'add Career path for next quarter' },
      ],
      [
        'Mia Chen (fortnightly, Thu 15:00)',
        'choosePair',
        { pairId: 'pair-dev-mia', command: 'add Career path for next quarter' },
      ],
    ]);
  });

  test('summary: "It didn\'t happen" while it can be said, carrying the 1:1; no button once said', () => {
    const asked = renderCard('summary', {
      ...cardSamples.summary,
      held: { state: 'ask', pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' },
    });
    expect(nodes(asked).filter((node) => String(node.type).startsWith('Action.'))).toEqual([
      expect.objectContaining({
        title: "It didn't happen",
        verb: 'notHeld',
        data: { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' },
      }),
    ]);
    expect(JSON.stringify(asked)).toContain('Did this 1:1 happen?');
    const said = renderCard('summary', {
      ...cardSamples.summary,
      held: { state: 'notHeld', byName: 'Ana Silva', on: 'Wed 4 Mar' },
    });
    expect(inputIds(said)).toEqual([]);
    expect(nodes(said).filter((node) => String(node.type).startsWith('Action.'))).toEqual([]);
    expect(JSON.stringify(said)).toMatch(/This 1:1 did not happen.*said by .*Ana Silva.*Wed 4 Mar/);
    expect(JSON.stringify(said)).not.toContain('Did this 1:1 happen?');
  });

  test('cadenceAlert (declined series): names who declined and from when, no count, no dates', () => {
    const text = visibleText(renderCard('cadenceAlert', cadenceAlertSamples.declinedSeries));
    expect(text).toContain('Dev Patel declined your 1:1 series from Tue 10 Mar 2026 on');
    expect(text).toContain('(8 so far)');
    expect(text).not.toMatch(/times in a row|Missed|Tue 17 Mar/);
    const byManager = visibleText(
      renderCard('cadenceAlert', {
        ...cadenceAlertSamples.declinedSeries,
        declined: { byManager: true, from: 'Tue 10 Mar 2026', count: 8 },
      }),
    );
    expect(byManager).toContain('You declined your 1:1 series with Dev Patel from Tue 10 Mar 2026 on');
  });

  test('agenda (declined series): says who declined from when, and offers no buttons', () => {
    const card = renderCard('agenda', agendaSamples.declinedSeries);
    expect(visibleText(card)).toContain(
      'Dev Patel declined this 1:1 and every one of the series from Tue 10 Mar 2026 on.',
    );
    expect(nodes(card).filter((node) => String(node.type).startsWith('Action.'))).toEqual([]);
  });

  test.each(['welcome', 'help', 'cadenceAlert'] as const)('%s has no buttons and no inputs', (name) => {
    const card = renderCard(name, cardSamples[name] as never);
    expect(nodes(card).filter((node) => String(node.type).startsWith('Action.'))).toEqual([]);
    expect(inputIds(card)).toEqual([]);
  });
});

describe('invalid data is a bug in the caller: it throws', () => {
  const { suggestedQuestion: _, ...withoutQuestion } = agendaSamples.report;
  test.each<[string, CardName, unknown, string]>([
    ['a missing field', 'agenda', withoutQuestion, 'suggestedQuestion'],
    ['a wrong type', 'agenda', { ...agendaSamples.report, moreTopics: '3' }, 'moreTopics'],
    ['an unknown role', 'agenda', { ...agendaSamples.report, viewerRole: 'peer' }, 'viewerRole'],
    [
      'a bad topic',
      'agenda',
      { ...agendaSamples.report, reportTopics: [{ ...agendaSamples.report.reportTopics[0], number: 0 }] },
      'reportTopics.0.number',
    ],
    ['an unknown field (a typo)', 'welcome', { name: 'Dev', nmae: 'Dev' }, 'nmae'],
    ['a missing name', 'welcome', {}, 'name'],
    ['no options', 'choosePair', { command: 'agenda', options: [] }, 'options'],
    [
      'a trend label that is not a month',
      'agenda',
      { ...agendaSamples.deepDiveManager, happinessTrend: [{ label: '${x}', happiness: 7 }] },
      'happinessTrend.0.label',
    ],
    [
      'a happiness score out of range',
      'agenda',
      { ...agendaSamples.deepDiveManager, happinessTrend: [{ label: 'Mar 2026', happiness: 11 }] },
      'happinessTrend.0.happiness',
    ],
    [
      'a coaching tip on the report’s agenda',
      'agenda',
      { ...agendaSamples.report, coachingTip: 'Ask before you tell.' },
      'coachingTip',
    ],
    [
      'a growth goal longer than the card shows (the caller cuts it)',
      'deepDive',
      { ...deepDiveSamples.withPlan, growth: { ...deepDiveSamples.withPlan.growth, goal: 'g'.repeat(201) } },
      'growth.goal',
    ],
    [
      'a checkpoint that is not one of three',
      'deepDive',
      { ...deepDiveSamples.withPlan, growth: { ...deepDiveSamples.withPlan.growth, index: 3 } },
      'growth.index',
    ],
    ['more missed than looked at', 'cadenceAlert', { ...cadenceAlertSamples.recent, missed: 7 }, 'missed'],
    [
      'a missing manager name',
      'deepDive',
      { ...cardSamples.deepDive, managerName: undefined },
      'managerName',
    ],
  ])('%s', (_, name, data, path) => {
    expect(() => renderCard(name, data as never)).toThrow(CardDataError);
    expect(() => renderCard(name, data as never)).toThrow(path);
  });
});
