import { runSoak } from './soak.js';
import { formatSoak, violations } from './soak-report.js';

/**
 * `npm run soak`: the full soak of issue 9 (200 pairs, six months on the simulated clock, every
 * fault of the matrix at random times), a few minutes of wall time. SOAK_SEED, SOAK_PAIRS and
 * SOAK_END change it; the same seed and size repeat the same run. Exits 1 when an invariant broke.
 */
const seed = Number(process.env['SOAK_SEED'] ?? 20260301);
const pairs = Number(process.env['SOAK_PAIRS'] ?? 200);
const end = process.env['SOAK_END'] ?? '2026-09-01T00:00:00Z';
const report = await runSoak({
  seed,
  pairs,
  start: '2026-03-01T00:00:00Z',
  end,
  faults: process.env['SOAK_FAULTS'] !== '0',
  progress: (line) => console.log(line),
});
const size = `${pairs === 200 ? '' : `SOAK_PAIRS=${pairs} `}${end === '2026-09-01T00:00:00Z' ? '' : `SOAK_END=${end} `}`;
console.log(formatSoak(report, `SOAK_SEED=${seed} ${size}npm run soak`));
if (violations(report).length > 0) {
  console.log(JSON.stringify(report.explained, null, 1));
  process.exitCode = 1;
}
