// Runs vitest as a child process from the repository root, for the npm scripts that run a chosen set
// of tests (`test:quick`, `test:long`, `screenshots`). Resolves to its exit status.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** `vitest run <args>` with `env` added to this process's environment; its exit status. */
export function vitestRun(args: readonly string[], env: Record<string, string> = {}): number {
  const run = spawnSync(process.execPath, [vitest, 'run', ...args], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return run.status ?? 1;
}
