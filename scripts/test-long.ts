// `npm run test:long`: the reliability runs at full size (the soak at 80 pairs over six months, the
// fuzzers at their full counts), which `npm test` runs short. CI runs it as a step of its own.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const files = [
  'test/integration/soak.test.ts',
  'test/integration/fuzz-cards.test.ts',
  'test/integration/fuzz-chat.test.ts',
  'test/integration/fuzz-scenario.test.ts',
  'test/integration/fuzz-webhook.test.ts',
];
const run = spawnSync(process.execPath, [vitest, 'run', ...files, ...process.argv.slice(2)], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, STEADY_LONG: '1' },
});
process.exitCode = run.status ?? 1;
