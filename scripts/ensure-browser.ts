// `npm test` gets its browser by itself (before any test runs, so a missing one never fails a file):
// CHROME_PATH or a Chromium/Chrome at the usual places; else, as root with apt-get, Debian's `chromium`
// (never a downloaded browser); else one message that says how to get one, and exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_BROWSER_HELP } from '../test/support/find-chromium.js';

const found = findChromium();
if (found.ok) process.exit(0);
if (process.env.CHROME_PATH) fail(found.reason);

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) fail(found.reason);

console.log(`steady: ${found.reason}; installing Debian's chromium (apt-get, about a minute)`);
const apt = (...args: string[]): boolean =>
  spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;
if (!apt('update', '-qq') || !apt('install', '-y', '-qq', '--no-install-recommends', 'chromium'))
  fail('apt-get could not install chromium');
const after = findChromium();
if (!after.ok) fail(`apt-get installed chromium, yet ${after.reason}`);
console.log(`steady: using ${after.path}`);

function fail(reason: string): never {
  console.error(`steady: ${reason}.\n${NO_BROWSER_HELP}`);
  process.exit(1);
}
