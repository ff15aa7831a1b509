import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { bundleFunctions } from '../scripts/bundle-functions.js';
import { startScene } from './cold-start/scene.js';
import { atMost, equal, figure, median, mib, ms, section } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;
/** The SDKs that must wait for the trigger that needs them (and what is heavy with them). */
const HEAVY = [
  '@azure/cosmos',
  '@azure/identity',
  '@azure/storage-queue',
  '@googleapis/calendar',
  '@microsoft/teams.api',
  '@microsoft/teams.apps',
  'adaptivecards-templating',
  'better-sqlite3',
  'zod',
];
const TRIGGERS = [
  'health',
  'calendarWebhook',
  'scheduler',
  'calendarChannels',
  'calendarSync',
  'deliver',
  'deliveriesPoison',
  'messages',
];

/**
 * Cold start: a whole `node` process loading the functions entry (every registration, through the
 * Functions worker's `@azure/functions-core`, here the dev host's) against `node -e 0`, alternated,
 * medians of 15. The entry is the deployment bundle (`npm run build:functions`); the same sources
 * not bundled (what `tsc` builds, lazy imports and all) are shown beside it. Then the first
 * invocation of each trigger in a fresh process, against the local fakes, and the peak memory.
 */
export async function benchColdStart(): Promise<void> {
  section('cold start: the functions entry as a whole process (node + entry + registrations), medians');
  const tmp = await mkdtemp(join(tmpdir(), 'steady-cold-'));
  try {
    const buildStart = performance.now();
    const bundle = await bundleFunctions(join(ROOT, 'dist-functions'));
    const buildMs = performance.now() - buildStart;
    // The package as deployed, away from the project's node_modules: it must need nothing else.
    const entry = join(await standalone(bundle.outdir, join(tmp, 'deploy')), bundle.main);
    const helpers = await buildHelpers(tmp);
    const unbundled = await transpile(join(tmp, 'unbundled'));

    const variants = {
      baseline: ['-e', '0'],
      bundle: ['--import', helpers.register, entry],
      unbundled: ['--import', helpers.register, unbundled],
    };
    const times: Record<keyof typeof variants, number[]> = { baseline: [], bundle: [], unbundled: [] };
    const loaded: Record<string, { functions: string[]; maxRss: number }> = {};
    for (let run = 0; run < RUNS + 2; run++) {
      for (const [name, args] of Object.entries(variants) as [keyof typeof variants, string[]][]) {
        const start = performance.now();
        const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: childEnv({}) });
        const elapsed = performance.now() - start;
        if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`);
        if (run < 2) continue; // warm the file cache
        times[name].push(elapsed);
        if (name !== 'baseline')
          loaded[name] = JSON.parse(
            child.stdout.trim().split('\n').at(-1) ?? '{}',
          ) as (typeof loaded)[string];
      }
    }
    const base = median(times.baseline);
    const bundled = median(times.bundle);
    const plain = median(times.unbundled);
    const registered = loaded['bundle']?.functions.length ?? 0;
    figure('node -e 0', ms(base, 1));
    figure(
      'dist-functions/index.js (the bundle)',
      ms(bundled, 1),
      undefined,
      `[${registered} functions registered; peak RSS ${mib(loaded['bundle']?.maxRss ?? 0)}; built in ${ms(buildMs)}]`,
    );
    figure('  ratio to node -e 0', (bundled / base).toFixed(2), atMost(bundled / base, 1.5));
    figure(
      'the same sources, not bundled (tsc-like)',
      ms(plain, 1),
      undefined,
      `[ratio ${(plain / base).toFixed(2)}; peak RSS ${mib(loaded['unbundled']?.maxRss ?? 0)}]`,
    );
    figure('functions registered', String(registered), equal(registered, TRIGGERS.length));
    const { files, bytes, packages } = startupGraph(bundle.metafile, join(bundle.outdir, bundle.main));
    const heavy = packages.filter((p) => HEAVY.includes(p));
    figure(
      'heavy SDKs loaded with the entry',
      heavy.length === 0 ? 'none' : heavy.join(', '),
      equal(heavy.length, 0, 'none'),
      `[at start: ${files} files, ${(bytes / 1024).toFixed(0)} KB, from ${packages.join(', ')}]`,
    );

    section('first invocation of each trigger: a fresh process (entry, then the trigger), the local fakes');
    const scene = await startScene(tmp);
    try {
      await writeFile(join(tmp, 'inputs.json'), JSON.stringify(scene.inputs));
      const invoke = async (entryFile: string, names: string[], n: number) => {
        const data = join(tmp, `data-${n}`);
        await mkdir(data, { recursive: true });
        await copyFile(scene.seedFile, join(data, 'steady.db'));
        // Not spawnSync: the fakes answer the child from this process's event loop.
        const { stdout } = await run(
          process.execPath,
          [helpers.invoke, entryFile, join(tmp, 'inputs.json'), ...names],
          {
            ...scene.env,
            STEADY_DATA_DIR: data,
          },
        );
        return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Invoked;
      };
      let n = 0;
      let peak = 0;
      for (const name of TRIGGERS) {
        const first = await invoke(entry, [name], n++);
        const plainFirst = await invoke(unbundled, [name], n++);
        const result = first.results[0];
        peak = Math.max(peak, first.maxRss);
        figure(
          name,
          ms(result?.firstMs ?? NaN),
          undefined,
          `[then ${ms(result?.warmMs ?? NaN, 1)}; not bundled ${ms(plainFirst.results[0]?.firstMs ?? NaN)}; ` +
            `peak RSS ${mib(first.maxRss)}; ${short(result?.outcome ?? '')}]`,
        );
      }
      const all = await invoke(entry, TRIGGERS, n++);
      figure(
        'peak RSS, every trigger in one process',
        mib(all.maxRss),
        undefined,
        `[one trigger at a time: at most ${mib(peak)}; node -e 0: ${mib(loaded['bundle'] === undefined ? 0 : baselineRss())}]`,
      );
    } finally {
      await scene.stop();
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

interface Invoked {
  loadMs: number;
  maxRss: number;
  results: { name: string; firstMs: number; warmMs: number; outcome: string; rss: number }[];
}

/** The children run plain `node`: no TypeScript loader, nothing inherited from this process's flags. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

async function run(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${args.slice(0, 2).join(' ')} … exited ${code}:\n${stderr}`);
  return { stdout, stderr };
}

function baselineRss(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.resourceUsage().maxRSS * 1024)'], {
    encoding: 'utf8',
  });
  return Number(child.stdout.trim());
}

const short = (outcome: string): string =>
  outcome.length > 70 ? `${outcome.slice(0, 67).replace(/\s+$/, '')}…` : outcome;

/**
 * A copy of the deployment package with only `better-sqlite3` beside it (the local store the first
 * invocations use; Azure uses Cosmos DB): if the bundle needed another package, they would fail here.
 */
async function standalone(outdir: string, dir: string): Promise<string> {
  await cp(outdir, dir, { recursive: true });
  for (const name of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    await mkdir(join(dir, 'node_modules'), { recursive: true });
    await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  return dir;
}

/** register.mjs and invoke.mjs: the children's helpers as plain JavaScript. */
async function buildHelpers(dir: string): Promise<{ register: string; invoke: string }> {
  await build({
    entryPoints: {
      register: join(ROOT, 'bench/cold-start/register.ts'),
      invoke: join(ROOT, 'bench/cold-start/invoke.ts'),
    },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    external: ['@azure/functions-core'],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { register: join(dir, 'register.mjs'), invoke: join(dir, 'invoke.mjs') };
}

/**
 * The app's sources compiled one file to one file, as `tsc -p tsconfig.build.json` does (esbuild here,
 * so that dist/ is left alone), with the project's node_modules beside them. Returns the entry.
 */
async function transpile(dir: string): Promise<string> {
  const sources: string[] = [];
  for (const folder of ['app', 'functions', 'shared', 'teams-app']) {
    for (const file of await readdir(join(ROOT, folder), { recursive: true })) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('package'))
        sources.push(join(ROOT, folder, file));
    }
  }
  await build({
    entryPoints: sources,
    outdir: dir,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'functions/index.js');
}

/**
 * What loading the entry reads: the entry and the chunks it imports statically (dynamic imports
 * wait for a trigger), their size, and the npm packages in them (bundled or external).
 */
function startupGraph(metafile: Metafile, entry: string) {
  const key = relative(process.cwd(), entry);
  const seen = new Set<string>();
  const externals = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) externals.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(key);
  const packages = new Set<string>();
  let bytes = 0;
  for (const output of seen) {
    bytes += metafile.outputs[output]?.bytes ?? 0;
    for (const input of Object.keys(metafile.outputs[output]?.inputs ?? {})) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (match?.[1] !== undefined) packages.add(match[1]);
    }
  }
  for (const external of externals) if (!external.startsWith('node:')) packages.add(external);
  return { files: seen.size, bytes, packages: [...packages].sort() };
}
