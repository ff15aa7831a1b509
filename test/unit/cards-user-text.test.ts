import { describe, expect, test } from 'vitest';
import { agendaSamples, cardSamples } from '../support/card-samples.js';
import { renderCard, visibleText, type AdaptiveCard } from '../../teams-app/cards/index.js';
import { templates } from '../../teams-app/cards/templates/index.js';
import { nodes } from '../support/card-nodes.js';

/** Strings that Teams renders as markdown: TextBlock, FactSet, input labels, toggle and choice titles. */
const markdownStrings = (card: unknown): string[] =>
  nodes(card).flatMap((node) => {
    const strings = (...values: unknown[]): string[] =>
      values.filter((v): v is string => typeof v === 'string');
    if (node.type === 'TextBlock') return strings(node.text);
    if (node.type === 'FactSet') return nodes(node.facts).flatMap((fact) => strings(fact.title, fact.value));
    if (typeof node.type === 'string' && node.type.startsWith('Input.'))
      return [
        ...strings(node.label, node.placeholder, node.title, node.errorMessage),
        ...nodes(node.choices).flatMap((choice) => strings(choice.title)),
      ];
    return [];
  });
const textRuns = (card: AdaptiveCard): string[] =>
  nodes(card).flatMap((node) =>
    node.type === 'TextRun' && typeof node.text === 'string' ? [node.text] : [],
  );

const hostile = 'Ask ${manager} about <b>x</b>, [link](http://x), **bold** and ${$root.pairId}';
const fragments = ['${manager}', '<b>x</b>', '[link](http://x)', '**bold**', '${$root.pairId}'];
const name = '**Dev** <i>${name}</i>';

const cases: [string, AdaptiveCard, string[]][] = [
  [
    'agenda',
    renderCard('agenda', {
      ...agendaSamples.deepDive,
      otherName: name,
      reportTopics: [{ ...agendaSamples.report.reportTopics[0]!, text: hostile, authorName: name }],
      managerTopics: [{ ...agendaSamples.report.managerTopics[0]!, text: `${hostile} (manager)` }],
      actionItems: [
        { ...agendaSamples.report.actionItems[0]!, text: `${hostile} (action)`, ownerName: name },
      ],
    }),
    [hostile, `${hostile} (manager)`, `${hostile} (action)`, name],
  ],
  [
    'agenda (manager’s deep dive, shared answers)',
    renderCard('agenda', {
      ...agendaSamples.deepDiveManager,
      sharedAnswers: {
        label: 'Feb 2026',
        makeItTen: `${hostile} (ten)`,
        learning: `${hostile} (learning)`,
        career: `${hostile} (career)`,
      },
    }),
    [`${hostile} (ten)`, `${hostile} (learning)`, `${hostile} (career)`],
  ],
  [
    'summary',
    renderCard('summary', {
      ...cardSamples.summary,
      otherName: name,
      covered: [{ ...cardSamples.summary.covered[0]!, text: hostile, authorName: name }],
      carriedOver: [{ ...cardSamples.summary.carriedOver[0]!, text: `${hostile} (carried)` }],
      notes: [
        { authorName: name, text: `${hostile} (shared)`, private: false },
        { authorName: name, text: `${hostile} (private)`, private: true },
      ],
      actionItems: [{ ...cardSamples.summary.actionItems[0]!, text: `${hostile} (action)`, ownerName: name }],
    }),
    [
      hostile,
      `${hostile} (carried)`,
      `${hostile} (shared)`,
      `${hostile} (private)`,
      `${hostile} (action)`,
      name,
    ],
  ],
  ['welcome', renderCard('welcome', { name }), [name]],
  [
    'deepDive',
    renderCard('deepDive', {
      ...cardSamples.deepDive,
      managerName: name,
      growth: { ...cardSamples.deepDive.growth!, goal: `${hostile} (goal)` },
    }),
    [name, `${hostile} (goal)`],
  ],
  ['cadenceAlert', renderCard('cadenceAlert', { ...cardSamples.cadenceAlert, reportName: name }), [name]],
  [
    'choosePair',
    renderCard('choosePair', { ...cardSamples.choosePair, command: `add ${hostile}` }),
    [`add ${hostile}`],
  ],
];

describe('what people wrote is shown exactly as typed', () => {
  test.each(cases)('%s: user text lands verbatim in TextRuns', (_, card, texts) => {
    const runs = textRuns(card);
    for (const text of texts) expect(runs).toContain(text);
  });

  test.each(cases)('%s: no user text in an element that renders markdown', (_, card) => {
    const rendered = markdownStrings(card).join('\n');
    for (const fragment of [...fragments, '**Dev**', '<i>']) expect(rendered).not.toContain(fragment);
  });

  test('the markdown check itself sees a TextBlock, a FactSet and a toggle title', () => {
    const card = {
      body: [
        { type: 'TextBlock', text: 'a **bold**' },
        { type: 'FactSet', facts: [{ title: 't', value: '<b>x</b>' }] },
        { type: 'Input.Toggle', id: 's', title: '[link](http://x)' },
      ],
    };
    expect(markdownStrings(card)).toEqual(['a **bold**', 't', '<b>x</b>', '[link](http://x)']);
  });

  test('a choosePair label is a button title, which Teams shows as plain text', () => {
    const card = renderCard('choosePair', { command: 'agenda', options: [{ pairId: 'p', label: hostile }] });
    expect(nodes(card).find((node) => node.verb === 'choosePair')?.title).toBe(hostile);
  });
});

describe('every template binds data only where it is literal', () => {
  test.each(Object.entries(templates))(
    '%s: no ${...} in TextBlock, FactSet or input labels',
    (_, template) => {
      expect(markdownStrings(template).filter((text) => text.includes('${'))).toEqual([]);
    },
  );
});

describe('date functions typed by a person', () => {
  test('stay inert: the braces of {{DATE(...)}} are kept apart so Teams does not format them', () => {
    const card = renderCard('welcome', { name: 'Dev {{DATE(2026-03-03T09:00:00Z, SHORT)}}' });
    const json = JSON.stringify(card);
    expect(json).not.toContain('{{DATE(');
    expect(visibleText(card).replace(/\u200b/g, '')).toContain('Dev {{DATE(2026-03-03T09:00:00Z, SHORT)}}');
  });
});

describe('characters that make a line read as another', () => {
  // "Pay Ana 100" with an override would show reversed; a zero-width space hides a word break
  const tricky = [
    'Dev \u202eletaP\u202c',
    'A\u2066B\u2069C',
    'zero\u200bwidth\u2060joined\ufeff',
    'x\u202a\u202b\u202dy',
  ];

  test('never reach a card: a name from Teams or text stored before the edge refused them loses them', () => {
    for (const text of tricky) {
      const card = renderCard('agenda', {
        ...agendaSamples.report,
        otherName: text,
        reportTopics: [{ ...agendaSamples.report.reportTopics[0]!, text, authorName: text }],
      });
      const json = JSON.stringify(card);
      expect(json).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u2060\ufeff]/);
      expect(visibleText(card)).not.toMatch(/\u200b/);
    }
    expect(textRuns(renderCard('welcome', { name: tricky[0]! }))).toContain('Dev letaP');
  });

  test('keep the joiners emoji and scripts need (ZWJ, ZWNJ, LRM/RLM)', () => {
    const text = 'Team 👩\u200d💻 می\u200cخواهم \u200fok\u200e';
    const card = renderCard('welcome', { name: text });
    expect(textRuns(card)).toContain(text);
  });
});
