import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'steady-start-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('`npm start` builds, opens the local store under the data folder and says what runs', async () => {
  const dataDir = join(folder, 'data');
  const { stdout } = await run('npm', ['start', '--silent'], {
    env: { ...process.env, STEADY_DATA_DIR: dataDir, STEADY_MODE: '', STEADY_STORE: '' },
  });
  expect(stdout).toContain(`store        SQLite at ${dataDir}/steady.db (ready)`);
  expect(stdout).toContain('run the tests with: npm test');
  expect(existsSync(join(dataDir, 'steady.db'))).toBe(true);
});
