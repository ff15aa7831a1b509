import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Four projects, each its own folder under test/: `npx vitest run --project contract` runs one.
export default defineConfig({
  test: {
    reporters: ['verbose'],
    // Vitest's default in a run is one worker fewer than the cores: on 2 cores, one file at a time.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'contract', include: ['test/contract/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // with every core busy, a scenario run in a beforeAll can take over Vitest's 10 s
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // several run `npm start`, which builds dist/: built once first, so their builds write nothing
          globalSetup: ['test/support/build-once.ts'],
        },
      },
    ],
  },
});
