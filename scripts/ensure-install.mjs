// Installs the dependencies when node_modules is missing or older than package-lock.json,
// so that `npm start` and `npm test` work on a fresh clone with nothing run before them.
// `--stamp` (from postinstall) only records that the current lockfile is installed.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

// `npm run test:node22` swaps in a better-sqlite3 built for Node 22; one stopped hard left it there
const node22Kept = 'node_modules/.cache/steady-node22/better_sqlite3-current.node';
if (existsSync(node22Kept))
  renameSync(node22Kept, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

const stamp = 'node_modules/.steady-install';
const wanted = existsSync('package-lock.json')
  ? createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
  : 'no-lock';

if (process.argv.includes('--stamp')) {
  if (existsSync('node_modules')) writeFileSync(stamp, wanted);
} else if ((existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '') !== wanted) {
  const command = wanted === 'no-lock' ? 'npm install' : 'npm ci';
  console.log(
    `steady: installing dependencies (${command}); better-sqlite3 builds from source, about a minute`,
  );
  execSync(`${command} --no-audit --no-fund`, { stdio: 'inherit' });
  writeFileSync(stamp, wanted);
}
