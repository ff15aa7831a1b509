import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the browser tests write their screenshots: the folder in STEADY_SCREENSHOTS (`npm run
 * screenshots` sets it to docs/screenshots/, the README's), else a temporary folder, so that `npm
 * test` leaves the clone as it found it. One folder per test file.
 */
export function screenshotFolder(): string {
  const chosen = process.env['STEADY_SCREENSHOTS'];
  if (chosen === undefined || chosen === '') return mkdtempSync(join(tmpdir(), 'steady-screenshots-'));
  mkdirSync(chosen, { recursive: true });
  return chosen;
}
