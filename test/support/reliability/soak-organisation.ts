import { fromFloating } from '../../../sandbox/fake-google/time-zone.js';
import type { Prng } from './prng.js';
import type { SystemPerson } from './system.js';

const DAY = 86_400_000;
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'] as const;

/** A 1:1 series to create when the run starts. */
export interface PlannedSeries {
  readonly masterId: string;
  readonly manager: string;
  readonly report: string;
  readonly firstStart: number;
  readonly timeZone: string;
  readonly minutes: number;
  readonly interval: 1 | 2;
}

/**
 * A seeded organisation: managers with 1 to 6 reports each until there are `pairs` pairs; about 9 in
 * 10 people have installed the app; each pair has a weekly (7 in 10) or fortnightly 1:1 of 30 or 45
 * minutes on a weekday between 08:00 and 17:00 in the manager's zone, its first one 2 to 9 days in.
 */
export function soakOrganisation(random: Prng, start: number, pairs: number) {
  const people: SystemPerson[] = [];
  const managers: Record<string, string> = {};
  const series: PlannedSeries[] = [];
  let m = 0;
  while (series.length < pairs) {
    m += 1;
    const timeZone = random.pick(ZONES);
    const manager = `manager${m}@contoso.com`;
    people.push({ email: manager, name: `Manager ${m}`, timeZone, teams: random.chance(0.9) });
    const reports = Math.min(random.int(1, 6), pairs - series.length);
    for (let r = 1; r <= reports; r++) {
      const report = `report${m}-${r}@contoso.com`;
      people.push({ email: report, name: `Report ${m}.${r}`, timeZone, teams: random.chance(0.9) });
      managers[report] = manager;
      series.push({
        masterId: `one-on-one-${m}-${r}`,
        manager,
        report,
        firstStart: weekdayAt(start + random.int(2, 9) * DAY, random.int(16, 33) * 30, timeZone),
        timeZone,
        minutes: random.pick([30, 45]),
        interval: random.chance(0.7) ? 1 : 2,
      });
    }
  }
  return { people, managers, series };
}

/** `minuteOfDay` local time in `timeZone` on the day of `day`, moved to the next weekday if needed. */
export function weekdayAt(day: number, minuteOfDay: number, timeZone: string): number {
  let date = new Date(day);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date = new Date(date.getTime() + DAY);
  const floating =
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + minuteOfDay * 60_000;
  return fromFloating(floating, timeZone);
}
