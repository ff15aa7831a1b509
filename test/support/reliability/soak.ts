import { openSqliteStore } from '../../../shared/adapters/sqlite/sqlite-store.js';
import { compare, expectations } from './oracle.js';
import { prng } from './prng.js';
import { soakOrganisation } from './soak-organisation.js';
import {
  planChat,
  planFaults,
  planSeries,
  planSeriesEnds,
  type SoakContext,
  type SoakTally,
} from './soak-plan.js';
import { StoreFaults } from './store-faults.js';
import { startSystem } from './system.js';
import { World } from './world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SoakOptions {
  readonly seed: number;
  readonly pairs: number;
  readonly start: string;
  readonly end: string;
  /** Inject the faults of the matrix at random times (the default). */
  readonly faults?: boolean;
  /** Queue messages handled at once (8 is one Functions instance, host.json's batch size). */
  readonly concurrency?: number;
  readonly progress?: (line: string) => void;
  /** Called with the system and the world before they are stopped (to look into a failure). */
  readonly inspect?: (system: Awaited<ReturnType<typeof startSystem>>, world: World) => void | Promise<void>;
}

/**
 * A long run on the simulated clock (see `soak.test.ts` and `npm run soak`): a seeded organisation,
 * random calendar changes, chat and faults, the whole system driven as in Azure; then the checks of
 * issue 9 against the world's history. Returns the figures and every violation found.
 */
export async function runSoak(options: SoakOptions) {
  const wall = performance.now();
  const random = prng(options.seed);
  const start = new Date(options.start).getTime();
  const end = new Date(options.end).getTime();
  const organisation = soakOrganisation(random, start, options.pairs);
  const storeFaults = new StoreFaults();
  const raw = openSqliteStore(':memory:');
  const system = await startSystem({
    start: options.start,
    people: organisation.people,
    managers: organisation.managers,
    store: storeFaults.wrap(raw),
    driverStore: raw,
    tenantLimitPerSecond: 100_000,
    fastRetries: true,
    concurrency: options.concurrency ?? 8,
  });
  try {
    const world = new World(system.fake, end);
    for (const person of organisation.people) world.addPerson(person);
    const series = organisation.series.map((s) => world.addSeries(s, start));
    await system.install();
    options.progress?.(`  installed: ${Math.round(performance.now() - wall)} ms`);

    const tally: SoakTally = { changes: {}, faults: {}, said: [] };
    const quiet: SoakContext['quiet'] = [];
    if (options.faults !== false) {
      for (const month of [2, 4]) {
        const from = Math.floor((start + month * 30 * DAY + random.int(0, 10) * DAY) / HOUR) * HOUR;
        quiet.push({ from, to: from + 39 * HOUR });
      }
    }
    const ctx: SoakContext = { system, world, random, start, end, storeFaults, tally, quiet, misses: [] };
    for (const s of series) planSeries(ctx, s, start);
    for (const s of series) planSeriesEnds(ctx, s);
    const reportsOf = (manager: string) => organisation.series.filter((s) => s.manager === manager).length;
    planChat(
      ctx,
      organisation.series.map((s) => ({
        manager: s.manager,
        report: s.report,
        reports: reportsOf(s.manager),
      })),
    );
    if (options.faults !== false) {
      const calendars = organisation.people.filter((p) => p.teams).map((p) => p.email);
      planFaults(
        ctx,
        organisation.people.map((p) => p.email),
        calendars,
      );
    }

    for (let month = start; month < end; month += 30 * DAY) {
      await system.runUntil(Math.min(month + 30 * DAY, end));
      options.progress?.(
        `  ${new Date(system.now()).toISOString().slice(0, 10)}: ${system.stats.ticks} ticks, ` +
          `${system.stats.handled.deliver} deliveries handled, ${Math.round((performance.now() - wall) / 1000)} s`,
      );
    }

    options.progress?.(`  ran: ${Math.round(performance.now() - wall)} ms`);
    const expected = expectations(world, {
      from: start,
      until: end - 30 * MINUTE,
      lead: 1440 * MINUTE,
      summaryDelay: 15 * MINUTE,
      timeZoneOf: (email) => world.person(email).timeZone,
    });
    const received = system.ledger.received(system.teams);
    const result = compare(expected, received.counts);
    const activities = system.teams.activities();
    const chatOf = new Map(system.teams.conversations().map((c) => [c.id, c.email]));
    const seen = markersIn(activities, chatOf);
    const privacy = privacyOf(tally.said, seen);
    const topics = topicsOf(tally.said, seen, expected.expected);
    const forMissed = received.all.filter(
      (r) => r.kind !== 'cadenceAlert' && expected.missed.has(r.occurrenceId),
    );
    const kinds = (list: readonly { kind: string }[]) =>
      Object.fromEntries(
        ['agenda', 'summary', 'deepDive', 'cadenceAlert'].map((k) => [
          k,
          list.filter((x) => x.kind === k).length,
        ]),
      );
    /** What the world says about a key that went wrong, to read a failure without a debugger. */
    const explain = (key: string) => {
      const [kind = '', occurrenceId = '', , email = ''] = key.split(' ');
      const occurrence = world.occurrences.get(occurrenceId);
      const iso = (t: number) => new Date(t).toISOString();
      const sent = received.all.filter((r) => r.key === key).map((r) => iso(r.at));
      return {
        key,
        kind,
        sentAt: sent,
        away: world
          .person(email)
          .away.map((w) => `${iso(w.from)}..${Number.isFinite(w.to) ? iso(w.to) : '∞'}`),
        history: occurrence?.timeline.map((h) => ({
          at: iso(h.at),
          start: iso(h.state.start),
          cancelled: h.state.cancelled,
          declinedBy: h.state.declinedBy,
          removed: h.state.removed,
        })),
      };
    };
    options.progress?.(`  checked: ${Math.round(performance.now() - wall)} ms`);
    await options.inspect?.(system, world);
    return {
      seed: options.seed,
      explained: [...result.lost, ...result.unexpected, ...result.duplicates].slice(0, 8).map(explain),
      period: { start: options.start, end: options.end },
      organisation: {
        pairs: organisation.series.length,
        people: organisation.people.length,
        withApp: organisation.people.filter((p) => p.teams).length,
        managers: organisation.people.length - organisation.series.length,
        series: world.series.size,
        occurrences: world.occurrences.size,
      },
      tally,
      injected: {
        storeConflicts: storeFaults.caused.conflicts,
        storeThrottled: storeFaults.caused.throttled,
      },
      messages: {
        expected: result.expected,
        delivered: result.delivered,
        expectedByKind: kinds([...expected.expected.values()]),
        receivedByKind: kinds(received.all),
        lost: result.lost,
        duplicates: result.duplicates,
        killed: system.kill.killed,
        unexpected: result.unexpected,
        unattributed: received.unattributed,
        forMissedOccurrences: forMissed.map((r) => r.key),
        missedOccurrences: expected.missed.size,
      },
      cadence: expected.cadence,
      privacy,
      topics,
      system: {
        stats: system.stats,
        poisoned: system.poisoned.length,
        waiting: system.waiting.length,
        googleRequests: system.fake.requests.length,
        teamsRequests: system.teams.requests.length,
      },
      wallSeconds: Math.round((performance.now() - wall) / 1000),
    };
  } finally {
    await system.stop();
  }
}

type Activities = ReturnType<Awaited<ReturnType<typeof startSystem>>['teams']['activities']>;

/** Where each chat marker appears: per marker, per chat (by email), in cards and in agenda cards. */
function markersIn(activities: Activities, chatOf: Map<string, string>) {
  const seen = new Map<string, Map<string, { card: boolean; agendaSend: boolean }>>();
  for (const activity of activities) {
    const cards = JSON.stringify(activity.attachments ?? []);
    const text = `${activity.text ?? ''} ${cards}`;
    const email = chatOf.get(activity.conversationId) ?? activity.conversationId;
    for (const [marker] of text.matchAll(/(?:private-note|topic)-\d{5}#/g)) {
      const byChat = seen.get(marker) ?? new Map<string, { card: boolean; agendaSend: boolean }>();
      const entry = byChat.get(email) ?? { card: false, agendaSend: false };
      if (cards.includes(marker)) entry.card = true;
      if (activity.op === 'send' && cards.includes(marker) && cards.includes('Your 1:1 agenda from Steady.'))
        entry.agendaSend = true;
      byChat.set(email, entry);
      seen.set(marker, byChat);
    }
  }
  return seen;
}

/** Each private note's marker: in which chats it appears (any message, sent or updated, text or card). */
function privacyOf(said: SoakTally['said'], seen: ReturnType<typeof markersIn>) {
  const notes = said.filter((s) => s.kind === 'private' && s.accepted);
  const leaks: string[] = [];
  let shownToAuthor = 0;
  for (const note of notes) {
    const chats = seen.get(note.marker) ?? new Map<string, { card: boolean; agendaSend: boolean }>();
    for (const email of chats.keys())
      if (email !== note.author) leaks.push(`${note.marker} by ${note.author} seen by ${email}`);
    if (chats.get(note.author)?.card === true) shownToAuthor += 1;
  }
  return {
    notes: notes.length,
    refused: said.filter((s) => s.kind === 'private' && !s.accepted).length,
    shownToAuthor,
    leaks,
  };
}

/**
 * Each topic added from chat is on an agenda card of each person of the pair who got an agenda
 * after it was added (topics are never marked covered here, so they carry over to every later one).
 */
function topicsOf(
  said: SoakTally['said'],
  seen: ReturnType<typeof markersIn>,
  expected: ReturnType<typeof expectations>['expected'],
) {
  const topics = said.filter((s) => s.kind === 'topic' && s.accepted);
  const laterAgenda = new Map<string, number>();
  for (const e of expected.values())
    if (e.kind === 'agenda') {
      const key = `${e.pairId} ${e.email}`;
      laterAgenda.set(key, Math.max(laterAgenda.get(key) ?? 0, e.due));
    }
  const missing: string[] = [];
  let checked = 0;
  for (const topic of topics) {
    for (const email of topic.pairId.split('|')) {
      if ((laterAgenda.get(`${topic.pairId} ${email}`) ?? 0) <= topic.at) continue;
      checked += 1;
      if (seen.get(topic.marker)?.get(email)?.agendaSend !== true)
        missing.push(`${topic.marker} (${topic.pairId}) not on an agenda of ${email}`);
    }
  }
  return {
    topics: topics.length,
    refused: said.filter((s) => s.kind === 'topic' && !s.accepted).length,
    checked,
    missing,
  };
}

export type SoakReport = Awaited<ReturnType<typeof runSoak>>;
