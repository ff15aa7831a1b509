// `npm run test:quick`: the loop while working. The unit, contract and integration tests without the
// reliability runs (the soak, the fuzzers, the fault matrix; `npm test` and `npm run test:long` run
// those), with one module graph per worker instead of one per file (`--no-isolate`): loading the SDKs
// again for every file was half of the time. The dev host's test registers functions with
// `@azure/functions`, which needs a fresh module graph, so it runs on its own after. `npm test` keeps
// every file isolated. Extra arguments go to both vitest runs.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const ISOLATED = 'test/integration/dev-host.test.ts';
const projects = ['--project', 'unit', '--project', 'contract', '--project', 'integration'];
const long = ['soak', 'fuzz-*', 'fault-matrix'].map((name) => `test/integration/${name}.test.ts`);
const extra = process.argv.slice(2);

const vitestRun = (args: string[]) =>
  spawnSync(process.execPath, [vitest, 'run', ...args, ...extra], { cwd: repo, stdio: 'inherit' }).status ??
  1;

const shared = vitestRun([
  ...projects,
  '--no-isolate',
  ...[...long, ISOLATED].flatMap((f) => ['--exclude', f]),
]);
const alone = vitestRun([ISOLATED]);
process.exitCode = shared === 0 && alone === 0 ? 0 : 1;
