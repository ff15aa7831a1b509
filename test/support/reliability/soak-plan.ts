import type { Prng } from './prng.js';
import { weekdayAt } from './soak-organisation.js';
import type { StoreFaults } from './store-faults.js';
import type { SteadySystem } from './system.js';
import type { World, WorldOccurrence, WorldSeries } from './world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LEAD = 24 * HOUR;
/**
 * A change reaches Steady within 7 hours even when its push notification is lost (the 6-hourly
 * safety sync runs on the hourly timer). An early change is made at least 8 hours before the first
 * decision it affects (its agenda, 24 hours before the start), so every decision sees it; a late
 * one (a cancellation or a decline after the agenda went out) an hour after that agenda and at least
 * 8 hours before the start, so the summary and the cadence check see it.
 */
const EARLY = LEAD + 8 * HOUR;
const LATE_BEFORE_START = 8 * HOUR;

/** Something said in a chat that the checks follow: a private note or a topic, by its marker. */
export interface Said {
  readonly marker: string;
  readonly kind: 'private' | 'topic';
  readonly author: string;
  readonly pairId: string;
  readonly at: number;
  accepted: boolean;
}

export interface SoakTally {
  readonly changes: Record<string, number>;
  readonly faults: Record<string, number>;
  readonly said: Said[];
}

interface Context {
  readonly system: SteadySystem;
  readonly world: World;
  readonly random: Prng;
  readonly start: number;
  readonly end: number;
  readonly storeFaults: StoreFaults;
  readonly tally: SoakTally;
  /** Windows in which no calendar change is made (around a channels-timer outage). */
  readonly quiet: { from: number; to: number }[];
  /** Occurrences planned to be missed (cancelled or declined): where cadence checks may alert. */
  readonly misses: { occurrence: WorldOccurrence; manager: string }[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bump = (record: Record<string, number>, key: string, by = 1) => (record[key] = (record[key] ?? 0) + by);
const isQuiet = (ctx: Context, t: number) => ctx.quiet.some((w) => t >= w.from && t <= w.to);
const between = (random: Prng, from: number, to: number) =>
  Math.floor((from + random.next() * (to - from)) / MINUTE) * MINUTE;

/**
 * Random changes to one series' occurrences from `from` on: about 7 in 100 cancelled, 4 declined
 * (by either person) and 6 moved (a day earlier, hours or days later), each well ahead; 3 cancelled
 * and 2 declined late, after their agenda went out. Changes to an occurrence that is gone by then
 * (its series ended or split) are skipped.
 */
export function planSeries(ctx: Context, series: WorldSeries, from: number): void {
  const { random, world, system } = ctx;
  for (const occurrence of series.occurrences) {
    const start = occurrence.originalStart;
    if (start < from + EARLY + HOUR || start > ctx.end) continue;
    const roll = random.next();
    const other = random.pick([series.manager, series.report]);
    const early = (latest: number, what: string, apply: (o: WorldOccurrence, now: number) => void) => {
      const at = between(random, Math.max(from, latest - 10 * DAY), latest);
      if (isQuiet(ctx, at)) return;
      system.at(at, what, () => {
        const now = system.now();
        if (world.stateAt(occurrence, now)?.removed !== false) return;
        apply(occurrence, now);
        bump(ctx.tally.changes, what);
      });
    };
    const late = (what: string, apply: (o: WorldOccurrence, now: number) => void) => {
      const at = between(random, start - LEAD + HOUR, start - LATE_BEFORE_START);
      if (isQuiet(ctx, at)) return;
      system.at(at, what, () => {
        const now = system.now();
        if (world.stateAt(occurrence, now)?.removed !== false) return;
        apply(occurrence, now);
        bump(ctx.tally.changes, what);
      });
    };
    if (roll < 0.11) ctx.misses.push({ occurrence, manager: series.manager });
    if (roll < 0.07) early(start - EARLY, 'cancel', (o, now) => world.cancel(o, now));
    else if (roll < 0.11) early(start - EARLY, 'decline', (o, now) => world.decline(o, other, now));
    else if (roll < 0.17) {
      const to = start + random.pick([-DAY, 3 * HOUR, 5 * HOUR, DAY, 2 * DAY]);
      early(Math.min(start, to) - EARLY, 'move', (o, now) => world.move(o, to, now));
    } else if (roll < 0.2) late('late cancel', (o, now) => world.cancel(o, now));
    else if (roll < 0.22) late('late decline', (o, now) => world.decline(o, other, now));
  }
}

/** About 1 in 20 series ends early (UNTIL), and 1 in 20 is split ("this and following"). */
export function planSeriesEnds(ctx: Context, series: WorldSeries): void {
  const { random, world, system } = ctx;
  const roll = random.next();
  if (roll >= 0.1) return;
  const at = between(random, ctx.start + 20 * DAY, ctx.end - 20 * DAY);
  if (isQuiet(ctx, at)) return;
  const cut = series.occurrences.find((o) => o.originalStart >= at + EARLY + 2 * DAY);
  if (cut === undefined) return;
  if (roll < 0.05) {
    system.at(at, 'series end', () => {
      world.end(series.masterId, cut.originalStart - HOUR, system.now());
      bump(ctx.tally.changes, 'series end');
    });
    return;
  }
  let first = weekdayAt(
    cut.originalStart + random.int(-1, 2) * DAY,
    random.int(16, 33) * 30,
    series.timeZone,
  );
  while (first < at + EARLY + 2 * DAY) first += 7 * DAY;
  system.at(at, 'series split', () => {
    const now = system.now();
    const successor = world.split(series.masterId, cut, first, now);
    bump(ctx.tally.changes, 'series split');
    planSeries(ctx, successor, now);
  });
}

/**
 * Chat: in about 6 pairs out of 10, one of the two (someone with the app who has only this 1:1, so
 * no "which 1:1?" question) adds 1 to 3 topics and writes 0 to 2 private notes, each with a marker
 * the checks look for. A chat message is not retried by Teams, so no store fault hits it.
 */
export function planChat(
  ctx: Context,
  pairs: readonly { manager: string; report: string; reports: number }[],
): void {
  const { random, system, world } = ctx;
  let n = 0;
  for (const { manager, report, reports } of pairs) {
    if (!random.chance(0.6)) continue;
    const authors = [report, ...(reports === 1 ? [manager] : [])].filter((e) => world.person(e).teams);
    if (authors.length === 0) continue;
    const lines = [
      ...Array.from({ length: random.int(1, 3) }, () => 'topic' as const),
      ...Array.from({ length: random.int(0, 2) }, () => 'private' as const),
    ];
    for (const kind of lines) {
      const author = random.pick(authors);
      // zero-padded and closed, so no marker is a prefix of another
      const marker = `${kind === 'private' ? 'private-note' : 'topic'}-${String(++n).padStart(5, '0')}#`;
      const at = between(random, ctx.start + DAY, ctx.end - 3 * DAY);
      const said: Said = { marker, kind, author, pairId: `${manager}|${report}`, at, accepted: false };
      system.at(at, `chat ${marker}`, async () => {
        if (!world.hasApp(author, system.now())) return;
        ctx.storeFaults.paused = true;
        try {
          await system.teams.say(
            author,
            kind === 'private' ? `private ${marker} is mine alone` : `add ${marker} to discuss`,
          );
        } finally {
          ctx.storeFaults.paused = false;
        }
        const reply = system.teams
          .activities(author)
          .findLast((a) => a.op === 'send' && a.text !== undefined);
        said.accepted = /^(Added to the agenda|Private note saved)/.test(reply?.text ?? '');
        ctx.tally.said.push(said);
      });
    }
  }
}

/**
 * Faults from the matrix at random times: Google 403/429/500/503 (short bursts the adapter absorbs,
 * and longer ones the queue retries), 410 (tokens invalidated), dropped push notifications, the
 * hourly channels timer down for 30 hours (channels expire); Teams 429/412/502/504 and removed apps
 * (silently, or with the uninstall event, some reinstalled later); store conflicts (another writer)
 * and throttling (a 429 past the SDK's retries); queue messages delivered twice; the process killed
 * between a send and its write; two scheduler runs at once.
 */
export function planFaults(ctx: Context, people: readonly string[], calendars: readonly string[]): void {
  const { random, system, world, storeFaults } = ctx;
  const someTime = () => between(random, ctx.start + DAY, ctx.end - DAY);
  const fault = (what: string, times: number, run: () => void | Promise<void>, at = someTime) => {
    for (let i = 0; i < times; i++) {
      system.at(at(), `fault: ${what}`, async () => {
        await run();
        bump(ctx.tally.faults, what);
      });
    }
  };
  const notQuiet = () => {
    for (;;) {
      const t = someTime();
      if (!ctx.quiet.some((w) => t >= w.from - 8 * HOUR && t <= w.to)) return t;
    }
  };
  const path = () => random.pick([/\/events$/, /\/instances$/, /\/watch$/]);
  for (const status of [403, 429, 500, 503] as const)
    fault(`Google ${status}`, 10, () => system.fake.failNext(random.int(1, 4), status, { path: path() }));
  fault('Google 503 past the adapter’s retries', 4, () =>
    system.fake.failNext(random.int(7, 9), 503, {
      path: new RegExp(`/calendars/${random.pick(calendars)}/events$`),
    }),
  );
  fault('Google 410', 10, () =>
    system.fake.requireFullSync(random.chance(0.5) ? undefined : random.pick(calendars)),
  );
  fault('Google notifications dropped', 20, () => system.fake.dropNotifications(random.int(1, 3)), notQuiet);
  for (const window of ctx.quiet.filter((w) => w.to - w.from > DAY)) {
    system.faults.channelsDown.push({ from: window.from + 8 * HOUR, to: window.to });
    bump(ctx.tally.faults, 'channels timer down 30 h');
  }
  for (const status of [429, 412, 502, 504] as const)
    fault(`Teams ${status}`, 6, () =>
      system.teams.failNext(random.int(1, 3), status, { method: 'POST', path: /\/activities$/ }),
    );
  fault('Teams 502 past the Messenger’s retries', 2, () =>
    system.teams.failNext(6, 502, { method: 'POST', path: /\/activities$/ }),
  );
  // aimed at cadence checks: a missed 1:1's check may alert its manager, whose chat then fails
  for (let i = 0; i < 10 && ctx.misses.length > 0; i++) {
    const { occurrence, manager } = random.pick(ctx.misses);
    system.at(occurrence.originalStart - MINUTE, 'fault: Teams 502 ×6 at a cadence check', () => {
      const chat = system.teams.conversations().find((c) => c.email === manager);
      if (chat === undefined) return;
      system.teams.failNext(6, 502, {
        method: 'POST',
        path: new RegExp(`/conversations/${escape(chat.id)}/activities$`),
      });
      bump(ctx.tally.faults, 'Teams 502 ×6 at a cadence check');
    });
  }
  const withApp = people.filter((e) => world.person(e).teams);
  for (let i = 0; i < 6; i++) {
    const email = random.pick(withApp);
    const from = someTime();
    const back = random.chance(0.5) ? from + random.int(3, 20) * DAY : Number.POSITIVE_INFINITY;
    const silent = random.chance(0.5);
    system.at(from, 'fault: app removed', async () => {
      if (!world.hasApp(email, system.now())) return;
      world.away(email, system.now(), back);
      if (silent) system.teams.uninstalled(email);
      else await system.teams.uninstall(email);
      bump(ctx.tally.faults, silent ? 'Teams 403 (app removed silently)' : 'app removed (uninstall event)');
      if (back === Number.POSITIVE_INFINITY || back >= ctx.end) return;
      system.at(back, 'app installed again', async () => {
        storeFaults.paused = true;
        try {
          await system.teams.install(email);
        } finally {
          storeFaults.paused = false;
        }
      });
    });
  }
  fault('store conflict (another writer)', 20, () =>
    storeFaults.interfere(random.int(1, 3), (c) =>
      random.chance(0.5) ? c.container === 'calendars' : c.container === 'pairs' && c.doc?.type === 'pair',
    ),
  );
  // Any call, the `sent` write of a delivery included (it is retried on the spot)
  fault('store 429 past the SDK’s retries', 20, () => storeFaults.throttle(1, () => true));
  fault('queue messages delivered twice', 20, () => {
    system.faults.duplicates.push({
      queue: random.chance(0.7) ? 'deliveries' : 'calendar-sync',
      remaining: random.int(1, 5),
      together: random.chance(0.5),
    });
  });
  fault('killed between send and write', 6, () => system.kill.arm(1));
  fault('two scheduler runs at once', 10, () => {
    system.faults.doubleScheduler += random.int(1, 20);
  });
}

export type SoakContext = Context;
