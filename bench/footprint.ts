import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { bundleFunctions } from '../scripts/bundle-functions.js';
import { figure, mib, section } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What Steady chose not to use, for the comparison: the Teams AI library v1 and the whole Google API client. */
const ALTERNATIVES = ['@microsoft/teams-ai', 'googleapis'];
/** Bump when the way installs are measured changes, so a cached figure is not reused. */
const METHOD = 1;
const CACHE = join(ROOT, 'node_modules/.cache/steady-bench');

interface Size {
  readonly bytes: number;
  readonly files: number;
  readonly zip: number;
}

interface Installs {
  readonly production: Size;
  readonly alternatives: Size;
  readonly versions: Record<string, string>;
}

/**
 * Footprint: the production install (`npm ci --omit=dev`, in a temporary copy of package.json and the
 * lock file) and the deployment package (dist-functions/: the bundle, host.json, package.json), against
 * the same install with `@microsoft/teams-ai` and `googleapis` added. The installs come from the npm
 * registry, so they are cached by the lock file's hash under node_modules/.cache; offline and
 * uncached, they are skipped with the reason.
 */
export async function benchFootprint(): Promise<void> {
  section('footprint: production install and deployment package (zip: deflate, as a zip deploy uploads)');
  const tmp = await mkdtemp(join(tmpdir(), 'steady-footprint-'));
  try {
    const bundle = await bundleFunctions(join(tmp, 'dist-functions'));
    const deployed = await sizeOf(bundle.outdir);
    const installs = await cachedInstalls(tmp);
    if (typeof installs === 'string') {
      figure('production install', 'skipped', undefined, `[${installs}]`);
    } else {
      const { production, alternatives, versions } = installs;
      figure(
        'production install (npm ci --omit=dev)',
        mib(production.bytes),
        undefined,
        `[${production.files.toLocaleString('en')} files; zip ${mib(production.zip)}: a deploy without the bundle]`,
      );
      figure(
        `  with ${ALTERNATIVES.join(' and ')}`,
        mib(alternatives.bytes),
        undefined,
        `[${alternatives.files.toLocaleString('en')} files; zip ${mib(alternatives.zip)}; ` +
          `+${mib(alternatives.bytes - production.bytes)}; ${Object.entries(versions)
            .map(([name, version]) => `${name} ${version}`)
            .join(', ')}]`,
      );
    }
    figure(
      'deployment package (dist-functions/)',
      mib(deployed.bytes),
      undefined,
      `[${deployed.files} files; zip ${mib(deployed.zip)}; no node_modules: all bundled but better-sqlite3, which Azure does not use]`,
    );
    if (typeof installs !== 'string') {
      figure(
        '  zip, against the install zips',
        `${((deployed.zip / installs.production.zip) * 100).toFixed(1)}%`,
        undefined,
        `[of ours; ${((deployed.zip / installs.alternatives.zip) * 100).toFixed(1)}% of the one with ${ALTERNATIVES.join(' and ')}]`,
      );
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function cachedInstalls(tmp: string): Promise<Installs | string> {
  const lock = await readFile(join(ROOT, 'package-lock.json'));
  const key = createHash('sha256')
    .update(lock)
    .update(JSON.stringify({ METHOD, ALTERNATIVES }))
    .digest('hex')
    .slice(0, 16);
  const file = join(CACHE, `footprint-${key}.json`);
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as Installs;
    console.log(`  (installs cached for this lock file: ${file.replace(ROOT, '')})`);
    return cached;
  } catch {
    // not measured yet for this lock file
  }
  const production = join(tmp, 'production');
  const alternatives = join(tmp, 'alternatives');
  for (const dir of [production, alternatives]) {
    await mkdir(dir, { recursive: true });
    await copyFile(join(ROOT, 'package.json'), join(dir, 'package.json'));
    await copyFile(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
  }
  const quiet = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  // Scripts ignored: better-sqlite3 would build from source (a minute) to add its 2 MB binary.
  try {
    console.log(
      '  (installing from the npm registry into a temporary folder: about a minute, once per lock file)',
    );
    await npm(production, ['ci', '--omit=dev', ...quiet]);
    await npm(alternatives, ['ci', '--omit=dev', ...quiet]);
    // --force: openai, a peer dependency of teams-ai 1.x, asks for zod 3 where Steady has zod 4 (ERESOLVE)
    await npm(alternatives, ['install', '--omit=dev', '--no-save', '--force', ...quiet, ...ALTERNATIVES]);
  } catch (error) {
    return `no install from the npm registry (offline?): ${String(error).split('\n')[0] ?? ''}`;
  }
  const versions: Record<string, string> = {};
  for (const name of ALTERNATIVES) {
    const pkg = JSON.parse(
      await readFile(join(alternatives, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string };
    versions[name] = pkg.version;
  }
  const installs: Installs = {
    production: await sizeOf(join(production, 'node_modules')),
    alternatives: await sizeOf(join(alternatives, 'node_modules')),
    versions,
  };
  await mkdir(CACHE, { recursive: true });
  await writeFile(file, `${JSON.stringify(installs, null, 2)}\n`);
  return installs;
}

async function npm(cwd: string, args: string[]): Promise<void> {
  const child = spawn('npm', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`npm ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
}

/** Bytes and files under `dir` (symbolic links not followed), and the size of a zip of it. */
async function sizeOf(dir: string): Promise<Size> {
  let bytes = 0;
  let files = 0;
  let zip = 22; // end of central directory
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (!info.isFile()) continue;
    bytes += info.size;
    files += 1;
    // A zip entry: local header, the deflated data (or stored, when smaller), the central directory entry.
    const data = await readFile(path);
    const deflated = info.size === 0 ? 0 : Math.min(deflateRawSync(data).length, info.size);
    zip += 30 + 46 + 2 * Buffer.byteLength(name) + deflated;
  }
  return { bytes, files, zip };
}
