import { describe, expect, it } from 'vitest';
import { runDeliveries } from '../../bench/deliveries.js';

// The deterministic counts of `npm run bench`'s deliveries (BENCHMARKS.md, section 3) at a size a test
// run affords: every agenda of one busy minute through the scheduler, the deliver function, the Teams
// messenger and the fake Teams with Teams' limits on. The bench runs 3,000 and times them.
describe('deliveries of a busy minute', () => {
  it('100 agendas due at once: each chat gets exactly one, none lost, none poisoned', async () => {
    const run = await runDeliveries({ pairs: 50, tenantLimit: 60 });

    expect(run.messages).toBe(100);
    expect(run.lost).toBe(0);
    expect(run.duplicates).toBe(0);
    expect(run.poisoned).toBe(0);
    expect(run.outcomes).toEqual({ SENT: 100 });
  });
});
