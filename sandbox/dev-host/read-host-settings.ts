import { readFile } from 'node:fs/promises';

/** The host.json settings the dev host honours, with the Functions host's defaults. */
export interface HostSettings {
  readonly routePrefix: string;
  readonly queues: {
    readonly batchSize: number;
    readonly maxDequeueCount: number;
    /** How long a failed message stays invisible before its retry. */
    readonly visibilityTimeoutSeconds: number;
  };
}

/** Reads `extensions.http.routePrefix` and `extensions.queues` from host.json. */
export async function readHostSettings(hostJsonPath: string): Promise<HostSettings> {
  const json = JSON.parse(await readFile(hostJsonPath, 'utf8')) as {
    extensions?: {
      http?: { routePrefix?: unknown };
      queues?: { batchSize?: unknown; maxDequeueCount?: unknown; visibilityTimeout?: unknown };
    };
  };
  const http = json.extensions?.http ?? {};
  const queues = json.extensions?.queues ?? {};
  const fail = (what: string): never => {
    throw new Error(`${hostJsonPath}: ${what}`);
  };
  const routePrefix = http.routePrefix ?? 'api';
  if (typeof routePrefix !== 'string') fail('extensions.http.routePrefix must be a string');
  const whole = (value: unknown, name: string, fallback: number, max: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
      fail(`extensions.queues.${name} must be a whole number from 1 to ${max}`);
    return value as number;
  };
  return {
    routePrefix: (routePrefix as string).replace(/^\/+|\/+$/g, ''),
    queues: {
      batchSize: whole(queues.batchSize, 'batchSize', 16, 32),
      maxDequeueCount: whole(queues.maxDequeueCount, 'maxDequeueCount', 5, 10_000),
      visibilityTimeoutSeconds:
        queues.visibilityTimeout === undefined
          ? 0
          : timeSpanSeconds(queues.visibilityTimeout, (why) =>
              fail(`extensions.queues.visibilityTimeout ${why}`),
            ),
    },
  };
}

/** A .NET TimeSpan, `[d.]hh:mm:ss[.fff]`, in whole seconds. */
function timeSpanSeconds(value: unknown, fail: (why: string) => never): number {
  const match =
    typeof value === 'string' ? /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value) : null;
  if (match === null) return fail(`must be a TimeSpan like "00:00:30", got ${JSON.stringify(value)}`);
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}
