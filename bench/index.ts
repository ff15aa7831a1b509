// `npm run bench`: every benchmark, printing figures. BENCHMARKS.md records them with the machine.
import { cpus, totalmem } from 'node:os';
import { benchGoogleCalls } from './google-calls.js';
import { benchStore } from './store.js';

console.log(
  `steady bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}`,
);
await benchStore();
await benchGoogleCalls();
