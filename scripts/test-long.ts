// `npm run test:long`: the reliability runs at full size (the soak at 80 pairs over six months, the
// fuzzers at their full counts), which `npm test` runs short. CI runs it as a step of its own.
import { vitestRun } from './vitest-run.js';

const files = ['soak', 'fuzz-cards', 'fuzz-chat', 'fuzz-scenario', 'fuzz-webhook'].map(
  (name) => `test/integration/${name}.test.ts`,
);
process.exitCode = vitestRun([...files, ...process.argv.slice(2)], { STEADY_LONG: '1' });
