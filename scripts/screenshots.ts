// `npm run screenshots`: renders the README's screenshots into docs/screenshots/ by running the
// browser tests that take them with STEADY_SCREENSHOTS set. `npm test` runs the same tests into a
// temporary folder, so a test run never changes the clone.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const files = [
  'test/e2e/cards-render.test.ts',
  'test/e2e/inbox-browser.test.ts',
  'test/e2e/inbox-coaching.test.ts',
];
const run = spawnSync(process.execPath, [vitest, 'run', ...files], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, STEADY_SCREENSHOTS: join(repo, 'docs', 'screenshots') },
});
process.exitCode = run.status ?? 1;
