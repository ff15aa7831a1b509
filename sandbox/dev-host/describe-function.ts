import type { RegisteredFunction, RpcBindingInfo } from './core-types.js';
import { parseNcrontab, type NcrontabSchedule } from './parse-ncrontab.js';

interface Described<K extends string> {
  readonly kind: K;
  readonly name: string;
  /** The trigger binding's name: the RPC input the library reads the trigger data from. */
  readonly bindingName: string;
  readonly fn: RegisteredFunction;
}

export type DescribedFunction =
  | (Described<'http'> & { readonly route: string; readonly methods: readonly string[] | undefined })
  | (Described<'timer'> & { readonly schedule: NcrontabSchedule; readonly runOnStartup: boolean })
  | (Described<'queue'> & { readonly queueName: string; readonly connection: string | undefined });

/**
 * A registered function by its trigger binding, checked: an http route and methods, a timer's
 * NCRONTAB schedule, a queue's name. `undefined` for a trigger the dev host does not run.
 */
export function describeFunction(fn: RegisteredFunction): DescribedFunction | undefined {
  const name = fn.metadata.name;
  const entry = Object.entries(fn.metadata.bindings).find(([, b]) => /trigger$/i.test(b.type ?? ''));
  if (entry === undefined) throw new Error(`function '${name}' has no trigger binding`);
  const [bindingName, binding] = entry;
  const base = { name, bindingName, fn };
  const fail = (why: string): never => {
    throw new Error(`function '${name}': ${why}`);
  };
  switch ((binding.type ?? '').toLowerCase()) {
    case 'httptrigger': {
      const route = text(binding, 'route') ?? name;
      const methods = binding['methods'];
      if (methods !== undefined && !(Array.isArray(methods) && methods.every((m) => typeof m === 'string')))
        fail('the http trigger methods must be a list of strings');
      return {
        ...base,
        kind: 'http',
        route: route.replace(/^\/+|\/+$/g, ''),
        methods: (methods as string[] | undefined)?.map((m) => m.toUpperCase()),
      };
    }
    case 'timertrigger': {
      const schedule = text(binding, 'schedule') ?? fail('the timer trigger has no schedule');
      if (schedule.includes('%')) fail(`app-setting schedules (${schedule}) are not supported`);
      try {
        return {
          ...base,
          kind: 'timer',
          schedule: parseNcrontab(schedule),
          runOnStartup: binding['runOnStartup'] === true,
        };
      } catch (error) {
        return fail((error as Error).message);
      }
    }
    case 'queuetrigger': {
      const queueName = text(binding, 'queueName') ?? fail('the queue trigger has no queueName');
      if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(queueName))
        fail(
          `'${queueName}' is not a storage queue name (3-63 lowercase letters, digits and single hyphens)`,
        );
      return { ...base, kind: 'queue', queueName, connection: text(binding, 'connection') };
    }
    default:
      return undefined;
  }
}

function text(binding: RpcBindingInfo, key: string): string | undefined {
  const value = binding[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
