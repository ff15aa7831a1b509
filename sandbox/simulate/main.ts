// `npm run simulate -- <scenario.json> [--out transcript.jsonl] [--html report.html]` (docs/simulation.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderReport } from './report.js';
import { ScenarioError, runScenario } from './run-scenario.js';
import { parseScenario } from './scenario.js';

const usage = 'usage: npm run simulate -- <scenario.json> [--out transcript.jsonl] [--html report.html]';
let args: ReturnType<
  typeof parseArgs<{ options: { out: { type: 'string' }; html: { type: 'string' } }; allowPositionals: true }>
>;
try {
  args = parseArgs({
    options: { out: { type: 'string' }, html: { type: 'string' } },
    allowPositionals: true,
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const file = args.positionals[0];
if (file === undefined) {
  console.error(usage);
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch {
  console.error(`cannot read the scenario file ${file}`);
  process.exit(2);
}
const parsed = parseScenario(text);
if (!parsed.ok) {
  console.error(`invalid scenario ${file}: ${parsed.error}`);
  process.exit(2);
}
let transcript: Awaited<ReturnType<typeof runScenario>>;
try {
  transcript = await runScenario(parsed.scenario);
} catch (error) {
  if (!(error instanceof ScenarioError)) throw error;
  console.error(`invalid scenario ${file}: ${error.message}`);
  process.exit(2);
}
const jsonl = transcript.map((line) => JSON.stringify(line)).join('\n') + (transcript.length > 0 ? '\n' : '');
if (args.values.html !== undefined) writeFileSync(args.values.html, await renderReport(transcript));
if (args.values.out !== undefined) writeFileSync(args.values.out, jsonl);
// a pipe is written asynchronously: exit only once the transcript is out
else await new Promise<void>((resolve) => process.stdout.write(jsonl, () => resolve()));
process.exit(0);
