import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Where the browser tests write their screenshots: the folder in STEADY_SCREENSHOTS (`npm run
 * screenshots` sets it to docs/screenshots/, the README's), else a temporary folder, removed after the
 * test file, so that `npm test` leaves the clone, and the machine, as it found them. Call it at the top
 * of a test file: one folder per file.
 */
export function screenshotFolder(): string {
  const chosen = process.env['STEADY_SCREENSHOTS'];
  if (chosen !== undefined && chosen !== '') {
    mkdirSync(chosen, { recursive: true });
    return chosen;
  }
  const folder = mkdtempSync(join(tmpdir(), 'steady-screenshots-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
