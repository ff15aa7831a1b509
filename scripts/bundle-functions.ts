// `npm run build:functions`: the deployment package of the Function App in `dist-functions/`.
// The functions entry bundled by esbuild (ESM, code-split so each trigger's services and SDKs stay in
// chunks loaded when it first runs), host.json, and a package.json whose `main` is the bundle. The
// folder is what Azure runs: deploy it as it is (zip deploy), nothing to install. BENCHMARKS.md has
// the figures (cold start, first invocations, size).
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Not bundled. `@azure/functions-core` is the Functions worker itself (it answers `require`).
 * `better-sqlite3` is native and serves only the local store (`STEADY_STORE=sqlite`): it is left out of
 * the package (Azure uses Cosmos DB), and a local run of the bundle finds the project's own copy.
 */
export const EXTERNAL = ['@azure/functions-core', 'better-sqlite3'] as const;

export interface BundleResult {
  readonly outdir: string;
  /** The entry Azure loads, relative to `outdir`. */
  readonly main: string;
  readonly metafile: Metafile;
}

/** Bundles `functions/index.ts` into `outdir` (emptied first) with host.json and package.json. */
export async function bundleFunctions(outdir: string): Promise<BundleResult> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { index: join(ROOT, 'functions/index.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: stack traces in Application Insights keep their function names.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    external: [...EXTERNAL],
    // CommonJS dependencies call `require` (Node built-ins, the worker's `@azure/functions-core`);
    // an ES module has none, so each output file makes its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [bundleTemplating],
    metafile: true,
    logLevel: 'warning',
  });
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  await writeFile(
    join(outdir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'steady-functions',
        version: pkg.version,
        private: true,
        description: 'Steady on Azure Functions: the bundle built by `npm run build:functions`.',
        type: 'module',
        main: 'index.js',
        engines: { node: '>=20.19' },
      },
      null,
      2,
    )}\n`,
  );
  await copyFile(join(ROOT, 'host.json'), join(outdir, 'host.json'));
  return { outdir, main: 'index.js', metafile: result.metafile };
}

/**
 * `render-card.ts` loads `adaptivecards-templating` through `createRequire` (its typings do not
 * compile under our settings), which esbuild cannot follow: this turns that one call into an import,
 * so the templating engine is bundled too. It fails the build if the call is no longer there.
 */
const bundleTemplating: Plugin = {
  name: 'bundle-adaptivecards-templating',
  setup(b) {
    b.onLoad({ filter: /teams-app[\\/]cards[\\/]render-card\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const call = "createRequire(import.meta.url)('adaptivecards-templating')";
      if (!source.includes(call)) {
        throw new Error(`${relative(ROOT, path)} no longer has ${call}: update scripts/bundle-functions.ts`);
      }
      return {
        contents: `import __templating from 'adaptivecards-templating';\n${source.replace(call, '__templating')}`,
        loader: 'ts',
      };
    });
  },
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdir = join(ROOT, 'dist-functions');
  const { metafile } = await bundleFunctions(outdir);
  const bytes = Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(
    `dist-functions/: index.js and ${Object.keys(metafile.outputs).length - 1} chunks, ${(bytes / 2 ** 20).toFixed(1)} MiB`,
  );
}
