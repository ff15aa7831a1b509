// `npm run bench`: every benchmark, each figure with its goal and PASS or MISS. BENCHMARKS.md records
// them with the machine. `npm run bench -- --only=cold-start,cards` runs some of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { functionsCore } from '../sandbox/dev-host/functions-core.js';
import { summary } from './report.js';

// Some benchmarks import trigger modules (their handlers); their `app.*` registrations go to the dev
// host's stand-in for the Functions worker instead of switching @azure/functions to "test mode".
functionsCore();

// Each loaded only when it runs: a benchmark's imports never weigh on another's figures.
const BENCHMARKS = {
  'cold-start': async () => (await import('./cold-start.js')).benchColdStart(),
  scheduler: async () => (await import('./scheduler.js')).benchScheduler(),
  deliveries: async () => (await import('./deliveries.js')).benchDeliveries(),
  'google-calls': async () => (await import('./google-calls.js')).benchGoogleCalls(),
  cards: async () => (await import('./cards.js')).benchCards(),
  footprint: async () => (await import('./footprint.js')).benchFootprint(),
  store: async () => (await import('./store.js')).benchStore(),
} as const;
type Name = keyof typeof BENCHMARKS;

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const names = Object.keys(BENCHMARKS) as Name[];
const chosen = values.only === undefined ? names : values.only.split(',').map((n) => n.trim());
const unknown = chosen.filter((n) => !names.includes(n as Name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; there are: ${names.join(', ')}`);
  process.exit(2);
}

const child = process.env['STEADY_BENCH_RESULTS'] !== undefined;
if (!child) {
  console.log(
    `steady bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}`,
  );
}
const started = Date.now();
let resultsFile: string | undefined;
if (child || chosen.length === 1) {
  for (const name of chosen) await BENCHMARKS[name as Name]();
} else {
  // Each benchmark in a process of its own: one's heap and compiled code never weigh on another's figures.
  const dir = mkdtempSync(join(tmpdir(), 'steady-bench-'));
  resultsFile = join(dir, 'goals.jsonl');
  for (const name of chosen) {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), `--only=${name}`],
      {
        stdio: 'inherit',
        env: { ...process.env, STEADY_BENCH_RESULTS: resultsFile },
      },
    );
    if (run.status !== 0) console.log(`  ${name}: the benchmark failed (exit ${run.status ?? run.signal})`);
  }
}
if (!child) {
  const { met, missed } = summary(resultsFile);
  console.log(
    `\n${met + missed.length} goals: ${met} met` +
      (missed.length === 0 ? '' : `, ${missed.length} missed (${missed.join('; ')})`) +
      `. ${Math.round((Date.now() - started) / 1000)} s.`,
  );
  if (resultsFile !== undefined) rmSync(dirname(resultsFile), { recursive: true, force: true });
}
