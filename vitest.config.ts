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
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // two of them run `npm start`, which rebuilds dist/: one file at a time
          fileParallelism: false,
        },
      },
    ],
  },
});
