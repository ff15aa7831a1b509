import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { staticDirectory } from '../shared/adapters/directory/static-directory.js';
import { openSqliteStore } from '../shared/adapters/sqlite/sqlite-store.js';
import { agendaCard } from '../shared/services/delivery/cards.js';
import { createRoot } from '../app/root.js';
import { loadConfig } from '../shared/config.js';
import type { Store } from '../shared/ports.js';
import { agendaSamples } from '../test/support/card-samples.js';
import { AGENDA_LIMITS, cardData, renderCard } from '../teams-app/cards/index.js';
import { templates } from '../teams-app/cards/templates/index.js';
import { actionItemDoc, person, seedPair, topicDoc, userDoc } from './support/org.js';
import { below, figure, kib, median, ms, section } from './report.js';

const RUNS = 2000;
/** Teams' limit on a bot message is about 100 KB; we keep a card under 80 KB. */
const CARD_BYTES = 80 * 1024;

/**
 * Cards: the expansion time of a typical agenda (the real `renderCard`: data validation, then the
 * templating engine) and the size of the largest agenda, 200 topics and 100 action items, built the
 * way a delivery builds it (store → agenda view → card data → card).
 */
export async function benchCards(): Promise<void> {
  section('cards: the agenda, real renderCard and templates');
  const typical = agendaSamples.report;
  for (let i = 0; i < 200; i++) renderCard('agenda', typical); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    renderCard('agenda', typical);
    times.push(performance.now() - start);
  }
  const expand = median(times);
  const typicalBytes = bytesOf(renderCard('agenda', typical));
  figure(
    'typical agenda: validate + expand, median',
    ms(expand, 3),
    below(expand, 1, '1 ms'),
    `[${RUNS} runs; 4 topics, 2 action items; ${kib(typicalBytes)}]`,
  );

  // Where the time goes: renderCard builds a new Template per call, which parses every `${...}`
  // expression of the template (ANTLR); the library allows one Template to expand many data objects.
  const { Template } = templating();
  const parse = medianOf(() => new Template(templates.agenda));
  const prepared = new Template(templates.agenda);
  const valid = cardData.agenda.parse(typical);
  const reused = medianOf(() => prepared.expand({ $root: valid }));
  figure('  of which new Template() (parses expressions)', ms(parse, 3));
  figure(
    '  expand alone, the Template prepared once',
    ms(reused, 3),
    undefined,
    '[what one Template per card, reused, would take]',
  );

  const store = openSqliteStore(':memory:');
  try {
    const deps = await cardDeps(store);
    const typicalPair = await seedOne(store, 1, 4, 2, (n) => `Topic ${n}: the billing migration plan`);
    for (let i = 0; i < 50; i++) await agendaCard(deps, ...typicalPair); // warm up
    const full: number[] = [];
    for (let i = 0; i < 500; i++) {
      const start = performance.now();
      await agendaCard(deps, ...typicalPair);
      full.push(performance.now() - start);
    }
    figure(
      'typical agenda from the store (SQLite), median',
      ms(median(full), 3),
      undefined,
      '[store reads, agenda view, card data, render]',
    );

    const realistic = await seedOne(
      store,
      2,
      200,
      100,
      (n) => `Topic ${n}: ${'a realistic line of text '.repeat(3)}`,
    );
    const realisticCard = await agendaCard(deps, ...realistic);
    // Every text at its longest (500 characters) in 4-byte characters: the worst a card can get.
    const worst = await seedOne(store, 3, 200, 100, () => '😀'.repeat(250));
    const worstCard = await agendaCard(deps, ...worst);
    const worstBytes = bytesOf(worstCard);
    const shown = countShown(worstCard);
    figure(
      'largest agenda (200 topics, 100 action items)',
      kib(worstBytes),
      below(worstBytes, CARD_BYTES, '80 KB'),
      `[every text 500 chars of 4-byte emoji; ${kib(bytesOf(realisticCard))} with 75-char texts]`,
    );
    figure(
      'what AGENDA_LIMITS shows of it',
      `${shown.topics}+${shown.actions}`,
      undefined,
      `[${AGENDA_LIMITS.topics} topics and ${AGENDA_LIMITS.actions} action items shown, ` +
        `"${200 - AGENDA_LIMITS.topics} more topics, ${100 - AGENDA_LIMITS.actions} more action items" counted]`,
    );
    figure(
      'the same without the cap (template only)',
      kib(uncappedBytes()),
      undefined,
      "[all 200 + 100 expanded: over Teams' ~100 KB message limit]",
    );
  } finally {
    await store.close();
  }
}

type AgendaArgs = Parameters<typeof agendaCard> extends [unknown, ...infer Rest] ? Rest : never;

async function seedOne(
  store: Store,
  n: number,
  topics: number,
  actions: number,
  text: (n: number) => string,
): Promise<AgendaArgs> {
  const manager = person('manager', n);
  const report = person('report', n);
  const { pair, occurrences } = await seedPair(store, manager, report, ['2026-03-03T08:00:00Z']);
  const occurrence = occurrences[0];
  if (occurrence === undefined) throw new Error('no occurrence');
  for (let i = 0; i < topics; i++)
    await store.pairs.upsert(topicDoc(pair, occurrence, i, text(i), i % 3 !== 0));
  for (let i = 0; i < actions; i++) await store.pairs.upsert(actionItemDoc(pair, occurrence, i, text(i)));
  return [pair, occurrence, userDoc(report)];
}

/** What building a card needs, from the composition root: the bench's store and clock, no Teams. */
function cardDeps(store: Store) {
  const unused = () => {
    throw new Error('cards bench: not used');
  };
  return createRoot(loadConfig({ STEADY_MODE: 'local' }), {
    store,
    clock: { now: () => new Date('2026-03-02T08:00:00Z') },
    messenger: { send: unused, update: unused, createConversation: unused, member: unused },
    directory: staticDirectory(),
  }).delivery();
}

const bytesOf = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** Topic and action-item rows of an expanded agenda, by their buttons' verbs. */
function countShown(card: unknown): { topics: number; actions: number } {
  const json = JSON.stringify(card);
  const count = (verb: string) => json.split(`"verb":"${verb}"`).length - 1;
  return { topics: count('markCovered'), actions: count('markDone') };
}

function templating() {
  return createRequire(import.meta.url)('adaptivecards-templating') as {
    Template: new (payload: unknown) => { expand(context: { $root: unknown }): unknown };
  };
}

function medianOf(run: () => unknown, runs = 300): number {
  for (let i = 0; i < 30; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The agenda template expanded with every topic and action item, past the cap (no validation). */
function uncappedBytes(): number {
  const { Template } = templating();
  const data = agendaSamples.report;
  const long = '😀'.repeat(250);
  const topic = (i: number) => ({ ...data.reportTopics[0], id: `topic-${i}`, number: i + 1, text: long });
  const action = (i: number) => ({ ...data.actionItems[0], id: `action-${i}`, number: i + 1, text: long });
  return bytesOf(
    new Template(templates.agenda).expand({
      $root: {
        ...data,
        reportTopics: Array.from({ length: 120 }, (_, i) => topic(i)),
        managerTopics: Array.from({ length: 80 }, (_, i) => topic(120 + i)),
        actionItems: Array.from({ length: 100 }, (_, i) => action(i)),
      },
    }),
  );
}
