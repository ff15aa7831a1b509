import { dirname } from 'node:path';
import { captureFunctions } from './capture-functions.js';
import type { RegisteredFunction } from './core-types.js';
import { describeFunction, type DescribedFunction } from './describe-function.js';
import { functionsCore } from './functions-core.js';
import { invokeFunction, type InvocationTarget } from './invoke-function.js';
import { listenQueues, type Queues } from './listen-queues.js';
import { readHostSettings } from './read-host-settings.js';
import { serveHttp } from './serve-http.js';
import { startTimers, type Timers } from './start-timers.js';

export interface DevHostOptions {
  /** The module that registers the functions: functions/index.ts (under tsx or vitest) or dist/functions/index.js. */
  entry: string;
  /** host.json: `extensions.http.routePrefix` and `extensions.queues`. */
  hostJsonPath: string;
  /** Default 7071; 0 = any free port. */
  port?: number;
  /** Azurite's; every queue trigger uses it, whatever its `connection` setting names. */
  storageConnectionString: string;
  /** The clock timers run by (default: the system clock). */
  now?: () => Date;
  /** `schedule` (default): timers fire on their NCRONTAB schedules by `now()`; `manual`: only `runTimer`. */
  timers?: 'schedule' | 'manual';
  /** `poll` (default): queues are polled every 200 ms; `manual`: only `drainQueues` handles messages. */
  queues?: 'poll' | 'manual';
  /** Each log line (default: console.log). */
  log?: (line: string) => void;
}

export interface DevHost {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The functions served; `route` is the http route without the route prefix. */
  readonly functions: {
    name: string;
    trigger: 'http' | 'timer' | 'queue';
    route?: string;
    schedule?: string;
    queueName?: string;
  }[];
  /** Invokes a timer function now; rejects when it fails. */
  runTimer(name: string): Promise<void>;
  /** Handles queue messages until a round finds every queue empty (of visible messages); the number handled. */
  drainQueues(options?: { maxRounds?: number }): Promise<number>;
  /** Stops the HTTP server, timers and polling, after the invocations under way. */
  stop(): Promise<void>;
}

/**
 * A stand-in for Azure Functions Core Tools: imports the entry with `@azure/functions-core`
 * provided (see functions-core.ts), then serves its http triggers, runs its timers and listens to
 * its storage queues, each invocation going through the library's own programming model.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const core = functionsCore();
  const settings = await readHostSettings(options.hostJsonPath);
  const { registrations, programmingModel } = await captureFunctions(options.entry);

  const described: DescribedFunction[] = [];
  for (const fn of registrations.functions) {
    const d = describeFunction(fn);
    if (d === undefined) log(`${fn.metadata.name}: the dev host does not run this trigger; skipped`);
    else described.push(d);
  }
  const target = (fn: RegisteredFunction): InvocationTarget => ({
    fn,
    programmingModel,
    hooks: registrations.hooks,
    appHookData: core.appHookData,
    log,
  });
  const systemLog = (level: string, message: string) => {
    if (level === 'warning' || level === 'error' || level === 'critical') log(`host [${level}]: ${message}`);
  };
  core.systemLog.add(systemLog);

  const stops: (() => Promise<void>)[] = [async () => void core.systemLog.delete(systemLog)];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    // As the worker: appStart once the app has loaded, before any invocation; appTerminate last.
    await runAppHooks(registrations.hooks, 'appStart', {
      hookData: {},
      appHookData: core.appHookData,
      functionAppDirectory: dirname(options.hostJsonPath),
    });
    stops.push(() =>
      runAppHooks(registrations.hooks, 'appTerminate', { hookData: {}, appHookData: core.appHookData }),
    );

    const queues: Queues = await listenQueues({
      connectionString: options.storageConnectionString,
      functions: described.filter((d) => d.kind === 'queue'),
      settings: settings.queues,
      poll: (options.queues ?? 'poll') === 'poll',
      invoke: (fn, request, reason) => invokeFunction(target(fn.fn), request, reason),
      log,
    });
    stops.push(() => queues.stop());

    const http = await serveHttp({
      port: options.port ?? 7071,
      routePrefix: settings.routePrefix,
      functions: described.filter((d) => d.kind === 'http'),
      invoke: async (fn, request) =>
        (await invokeFunction(target(fn.fn), request, `This function was programmatically called via HTTP.`))
          .returnValue,
      log,
    });
    stops.push(() => http.close());

    const timers: Timers = startTimers({
      timers: described.filter((d) => d.kind === 'timer'),
      now,
      onSchedule: (options.timers ?? 'schedule') === 'schedule',
      invoke: (fn, request, reason) => invokeFunction(target(fn.fn), request, reason),
    });
    stops.push(() => timers.stop());

    const functions = described.map((d) => {
      switch (d.kind) {
        case 'http':
          return { name: d.name, trigger: d.kind, route: d.route };
        case 'timer':
          return { name: d.name, trigger: d.kind, schedule: d.schedule.expression };
        case 'queue':
          return { name: d.name, trigger: d.kind, queueName: d.queueName };
      }
    });
    log(
      [
        `Functions (dev host on ${http.url}):`,
        ...functions.map((f) => {
          const detail =
            f.route !== undefined
              ? `${http.url}/${[settings.routePrefix, f.route].filter(Boolean).join('/')}`
              : (f.schedule ?? f.queueName);
          return `  ${f.name}: ${f.trigger} ${detail ?? ''}`;
        }),
      ].join('\n'),
    );

    let stopping: Promise<void> | undefined;
    return {
      url: http.url,
      functions,
      runTimer: (name) => timers.run(name),
      drainQueues: (drain) => queues.drain(drain?.maxRounds ?? 100),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function runAppHooks(
  hooks: InvocationTarget['hooks'],
  name: 'appStart' | 'appTerminate',
  context: Record<string, unknown>,
): Promise<void> {
  for (const hook of hooks.filter((h) => h.name === name)) await hook.callback(context);
}
