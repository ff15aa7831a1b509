/** How `npm run bench` prints: one figure a line, its goal beside it, and PASS or MISS. */
import { appendFileSync, readFileSync } from 'node:fs';

/** Set by bench/index.ts for a benchmark run in a process of its own: where its goals are written. */
const RESULTS_FILE = process.env['STEADY_BENCH_RESULTS'];

export interface Goal {
  /** As printed, e.g. `≤ 1.5`. */
  readonly text: string;
  readonly met: boolean;
}

const results: { readonly name: string; readonly met: boolean }[] = [];

/** Prints `  label   value   goal … PASS  [detail]`; a figure without a goal is information only. */
export function figure(label: string, value: string, goal?: Goal, detail = ''): void {
  const verdict = goal === undefined ? '' : goal.met ? 'PASS' : 'MISS';
  const goalText = goal === undefined ? '' : `goal ${goal.text}`;
  console.log(
    `  ${label.padEnd(44)} ${value.padStart(12)}   ${goalText.padEnd(18)} ${verdict.padEnd(4)}${detail === '' ? '' : `  ${detail}`}`.trimEnd(),
  );
  if (goal === undefined) return;
  results.push({ name: label.trim(), met: goal.met });
  if (RESULTS_FILE !== undefined)
    appendFileSync(RESULTS_FILE, `${JSON.stringify({ name: label.trim(), met: goal.met })}\n`);
}

/** A section title. */
export function section(title: string): void {
  console.log(`\n${title}`);
}

/** Goals as `≤ limit`, `< limit`, `= expected`. */
export const atMost = (value: number, limit: number, shown = String(limit)): Goal => ({
  text: `≤ ${shown}`,
  met: value <= limit,
});
export const below = (value: number, limit: number, shown = String(limit)): Goal => ({
  text: `< ${shown}`,
  met: value < limit,
});
export const equal = (value: unknown, expected: unknown, shown = String(expected)): Goal => ({
  text: `= ${shown}`,
  met: value === expected,
});

/** Every goal printed so far (and those child processes wrote to `file`), with the ones missed. */
export function summary(file?: string): { met: number; missed: string[] } {
  const all = [...results];
  if (file !== undefined) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // no goal was written
    }
    for (const line of text.split('\n').filter(Boolean))
      all.push(JSON.parse(line) as { name: string; met: boolean });
  }
  return { met: all.filter((r) => r.met).length, missed: all.filter((r) => !r.met).map((r) => r.name) };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export const ms = (value: number, digits = 0): string => `${value.toFixed(digits)} ms`;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
