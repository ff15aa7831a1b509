// `npm run screenshots`: renders the README's screenshots into docs/screenshots/ by running the
// browser tests that take them with STEADY_SCREENSHOTS set. `npm test` runs the same tests into a
// temporary folder, so a test run never changes the clone.
import { join } from 'node:path';
import { repo, vitestRun } from './vitest-run.js';

const files = [
  'test/e2e/cards-render.test.ts',
  'test/e2e/inbox-browser.test.ts',
  'test/e2e/inbox-coaching.test.ts',
];
process.exitCode = vitestRun(files, { STEADY_SCREENSHOTS: join(repo, 'docs', 'screenshots') });
