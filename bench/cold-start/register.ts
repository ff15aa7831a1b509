// Preloaded (`node --import register.mjs <entry>`) in the cold-start runs: it answers
// `require('@azure/functions-core')` as the Functions worker does, so the entry registers its
// functions, and reports them with the process's peak memory on exit. Bundled to plain JS by the
// benchmark, so the measured process runs no TypeScript loader.
import { functionsCore } from '../../sandbox/dev-host/functions-core.js';

const core = functionsCore();
process.on('exit', () => {
  process.stdout.write(
    `${JSON.stringify({
      functions: core.unclaimed.functions.map((f) => f.metadata.name),
      maxRss: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  );
});
