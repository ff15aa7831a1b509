import { pairIdOf } from '../../../shared/domain/index.js';
import type { Store } from '../../../shared/ports.js';
import { compare, expectations } from './oracle.js';
import { startSystem, type SystemOptions, type SteadySystem } from './system.js';
import { World, type WorldOccurrence } from './world.js';

export const MARIA = 'maria@contoso.com';
export const DEV = 'dev@contoso.com';
export const ANA = 'ana@contoso.com';
export const LEE = 'lee@contoso.com';
export const START = '2026-03-01T00:00:00Z';
export const END = '2026-03-12T00:00:00Z';
const BERLIN = 'Europe/Berlin';
const MINUTE = 60_000;

/**
 * The fault matrix's organisation, from Sunday 1 March 2026 (Berlin, UTC+1) to 12 March, all four
 * with the app:
 * - Maria and Dev, weekly, Tuesdays 09:00: 3 and 10 March;
 * - Maria and Ana, fortnightly, Thursdays 14:00: 5 March (the 19th is after the window);
 * - Maria and Lee, weekly, Wednesdays 10:00: the 4th is cancelled (on the 1st) and Lee declines the
 *   11th (on the 5th), so Maria gets a cadence alert on the 5th, minutes after the decline.
 * Without faults that is 15 messages: 6 agendas, 6 summaries, 2 deep-dive prompts, 1 cadence alert.
 */
export async function startMatrix(options: { store?: Store; driverStore?: Store; pageSize?: number } = {}) {
  const people = [
    { email: MARIA, name: 'Maria Lopez', timeZone: BERLIN, teams: true },
    { email: DEV, name: 'Dev Patel', timeZone: BERLIN, teams: true },
    { email: ANA, name: 'Ana Silva', timeZone: BERLIN, teams: true },
    { email: LEE, name: 'Lee Wong', timeZone: BERLIN, teams: true },
  ];
  const systemOptions: SystemOptions = {
    start: START,
    people,
    managers: { [DEV]: MARIA, [ANA]: MARIA, [LEE]: MARIA },
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.driverStore === undefined ? {} : { driverStore: options.driverStore }),
    ...(options.pageSize === undefined ? {} : { fake: { pageSize: options.pageSize } }),
  };
  const system = await startSystem(systemOptions);
  const world = new World(system.fake, new Date(END).getTime());
  for (const person of people) world.addPerson(person);
  const t0 = new Date(START).getTime();
  const series = (masterId: string, report: string, firstStart: string, interval: 1 | 2) =>
    world.addSeries(
      {
        masterId,
        manager: MARIA,
        report,
        firstStart: new Date(firstStart).getTime(),
        timeZone: BERLIN,
        minutes: 30,
        interval,
      },
      t0,
    );
  series('dev-weekly', DEV, '2026-03-03T08:00:00Z', 1);
  series('ana-fortnightly', ANA, '2026-03-05T13:00:00Z', 2);
  series('lee-weekly', LEE, '2026-03-04T09:00:00Z', 1);
  await system.install();

  /** One occurrence by its pair's report and original start (UTC). */
  const occurrence = (report: string, originalStart: string): WorldOccurrence => {
    const at = new Date(originalStart).getTime();
    const found = [...world.occurrences.values()].find(
      (o) => o.pairId === pairIdOf(MARIA, report) && o.originalStart === at,
    );
    if (found === undefined) throw new Error(`no occurrence of ${report} at ${originalStart}`);
    return found;
  };
  system.at('2026-03-01T12:00:00Z', 'Lee 4 Mar cancelled', () =>
    world.cancel(occurrence(LEE, '2026-03-04T09:00:00Z'), system.now()),
  );
  system.at('2026-03-05T12:00:00Z', 'Lee declines 11 Mar', () =>
    world.decline(occurrence(LEE, '2026-03-11T09:00:00Z'), LEE, system.now()),
  );

  return {
    system,
    world,
    occurrence,
    /** Runs to the end of the window, then counts what Teams received against what the rules call for. */
    async finish() {
      await system.runUntil(END);
      const expected = expectations(world, {
        from: t0,
        until: new Date(END).getTime() - 30 * MINUTE,
        lead: 1440 * MINUTE,
        summaryDelay: 15 * MINUTE,
        timeZoneOf: (email) => world.person(email).timeZone,
      });
      const received = system.ledger.received(system.teams);
      return { ...compare(expected, received.counts), unattributed: received.unattributed, received };
    },
  };
}

export type Matrix = Awaited<ReturnType<typeof startMatrix>>;
export type { SteadySystem };
