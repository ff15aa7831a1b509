// `node invoke.mjs <entry> <inputs.json> <function>...`: loads the entry with the Functions worker's
// `@azure/functions-core` in place, then invokes each named function twice (first, then warm) with
// its input from the file, through the handler the entry registered. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { functionsCore } from '../../sandbox/dev-host/functions-core.js';
import functions from '@azure/functions';

export type Input =
  | {
      readonly kind: 'http';
      readonly method: string;
      readonly headers: Record<string, string>;
      readonly body?: string;
    }
  | { readonly kind: 'timer' }
  | { readonly kind: 'queue'; readonly message: unknown };

const core = functionsCore();
const [entry = '', inputsFile = '', ...names] = process.argv.slice(2);
const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as Record<string, Input>;

const loadStart = performance.now();
await import(pathToFileURL(entry).href);
const loadMs = performance.now() - loadStart;
const registered = new Map(core.unclaimed.functions.map((f) => [f.metadata.name, f.callback]));
/** The entry's preInvocation hooks, run as the worker runs them: each may replace the handler. */
const preInvocation = core.unclaimed.hooks.filter((hook) => hook.name === 'preInvocation');

const results = [];
for (const name of names) {
  const handler = registered.get(name);
  const input = inputs[name];
  if (handler === undefined || input === undefined) throw new Error(`no function or input '${name}'`);
  const times: number[] = [];
  const outcomes: string[] = [];
  for (let run = 0; run < 2; run++) {
    const logs: string[] = [];
    const context = new functions.InvocationContext({ functionName: name });
    const log = (...args: unknown[]) => void logs.push(args.map(String).join(' '));
    Object.assign(context, { log, warn: log, error: log, info: log });
    const start = performance.now();
    let outcome: string;
    try {
      const pre = {
        hookData: {},
        appHookData: {},
        invocationContext: context,
        inputs: [trigger(input)],
        functionCallback: handler,
      };
      for (const hook of preInvocation) await hook.callback(pre);
      const result = (await pre.functionCallback(...pre.inputs, context)) as { status?: number } | undefined;
      outcome = result?.status === undefined ? (logs.at(-1) ?? 'done') : `HTTP ${result.status}`;
    } catch (error) {
      outcome = `threw: ${String(error)}`;
    }
    times.push(performance.now() - start);
    outcomes.push(outcome);
  }
  results.push({
    name,
    firstMs: times[0],
    warmMs: times[1],
    outcome: outcomes[0],
    rss: process.memoryUsage.rss(),
  });
}
process.stdout.write(
  `${JSON.stringify({ loadMs, results, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
process.exit(0); // open clients (the store, HTTP agents) would keep the process alive

function trigger(input: Input): unknown {
  switch (input.kind) {
    case 'http':
      return new functions.HttpRequest({
        method: input.method,
        url: 'http://127.0.0.1:7071/api/x',
        headers: input.headers,
        ...(input.body === undefined ? {} : { body: { string: input.body } }),
      });
    case 'timer':
      return {
        isPastDue: false,
        schedule: { adjustForDST: true },
        scheduleStatus: {
          last: new Date().toISOString(),
          next: new Date().toISOString(),
          lastUpdated: new Date().toISOString(),
        },
      };
    case 'queue':
      return input.message;
  }
}
