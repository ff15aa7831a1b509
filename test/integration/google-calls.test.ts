import { describe, expect, it } from 'vitest';
import { countGoogleCalls } from '../../bench/google-calls-count.js';

// The deterministic counts of `npm run bench`'s google-calls (BENCHMARKS.md, section 4), asserted:
// a change that makes Steady call Google more often fails here instead of waiting for a bench run.
describe('Google calls, a manager with four weekly 1:1s over 28 simulated days', () => {
  it('every calendar watched: at most 6 calls per calendar per day, each person looked up at most daily', async () => {
    const counts = await countGoogleCalls({ watched: 'everyone' });

    expect(counts.perCalendarPerDay).toBeLessThanOrEqual(6);
    // the reports once a day each; the manager never, since each report's entry names her
    expect(counts.counts.directoryUser).toBe(4 * 28);
    expect(counts.directoryPerPersonPerDay).toBeLessThanOrEqual(1);
    // a safety sync every 6 hours, a channel renewed each week
    expect(counts.counts.list).toBe(5 * 4 * 28);
    expect(counts.counts.watch).toBe(5 * 4);
    expect(counts.counts.stop).toBe(5 * 4);
    expect(counts.perChange).toBeLessThanOrEqual(2);
  });

  it("the manager's calendar alone: the same daily checks, two calls per cancellation", async () => {
    const counts = await countGoogleCalls({ watched: 'manager' });

    expect(counts.counts).toEqual({ list: 112, instances: 4, get: 0, watch: 4, stop: 4, directoryUser: 112 });
    expect(counts.perChange).toBe(2);
  });
});
