// `npm run test:quick`: the loop while working. The unit, contract and integration tests without the
// reliability runs (the soak, the fuzzers, the fault matrix; `npm test` and `npm run test:long` run
// those), with one module graph per worker instead of one per file (`--no-isolate`): loading the SDKs
// again for every file was half of the time. The dev host's test registers functions with
// `@azure/functions`, which needs a fresh module graph, so it runs on its own after. `npm test` keeps
// every file isolated. Extra arguments go to both vitest runs.
import { vitestRun } from './vitest-run.js';

const ISOLATED = 'test/integration/dev-host.test.ts';
const projects = ['--project', 'unit', '--project', 'contract', '--project', 'integration'];
const long = ['soak', 'fuzz-*', 'fault-matrix'].map((name) => `test/integration/${name}.test.ts`);
const extra = process.argv.slice(2);

const excluded = [...long, ISOLATED].flatMap((file) => ['--exclude', file]);
const shared = vitestRun([...projects, '--no-isolate', ...excluded, ...extra]);
const alone = vitestRun([ISOLATED, ...extra]);
process.exitCode = shared === 0 && alone === 0 ? 0 : 1;
