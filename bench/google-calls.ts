import { countGoogleCalls } from './google-calls-count.js';
import { atMost, figure, section } from './report.js';

/**
 * Google API calls on the simulated clock, through the real adapters and the fake Google: a manager
 * with four weekly 1:1s, per day in steady state (hourly timer, no changes) and per change (push
 * notification, then the sync it causes). `test/integration/google-calls.test.ts` asserts the same counts.
 */
export async function benchGoogleCalls(): Promise<void> {
  const alone = await countGoogleCalls({ watched: 'manager' });
  const everyone = await countGoogleCalls({ watched: 'everyone' });
  section('google calls: a manager with 4 weekly 1:1s, hourly timer, simulated clock, 28 days');
  figure(
    'calls per calendar per day, 5 watched',
    everyone.perCalendarPerDay.toFixed(2),
    atMost(everyone.perCalendarPerDay, 6),
    `[5-min polling: 288; ${everyone.calendars} calendars: ${breakdown(everyone.counts)}]`,
  );
  figure(
    '  directory lookups per person per day',
    everyone.directoryPerPersonPerDay.toFixed(2),
    atMost(everyone.directoryPerPersonPerDay, 1),
    `[${everyone.people} people; the daily roles check asks each at most once]`,
  );
  figure(
    "the manager's calendar alone, per day",
    alone.perCalendarPerDay.toFixed(2),
    undefined,
    `[${breakdown(alone.counts)}: the four reports' lookups all fall on it]`,
  );
  figure('per change, calls', alone.perChange.toFixed(2), atMost(alone.perChange, 2), '[20 cancellations]');
}

const breakdown = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([op, n]) => `${op === 'directoryUser' ? 'directory' : op} ${n}`)
    .join(', ');
