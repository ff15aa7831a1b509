import Module from 'node:module';
import type {
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  HookName,
  ProgrammingModel,
  RegisteredFunction,
  RpcLogLevel,
} from './core-types.js';

/** What an entry registered: its functions and its hooks. */
export interface Registrations {
  readonly functions: RegisteredFunction[];
  readonly hooks: { readonly name: HookName; readonly callback: HookCallback }[];
}

/** The process-wide stand-in for the worker: one per process, however often this module loads. */
export interface FunctionsCore {
  /** Set by `@azure/functions` on its first `app.*` call. */
  programmingModel: ProgrammingModel | undefined;
  /** Where `registerFunction`/`registerHook` calls go while an entry is imported. */
  capture: Registrations | undefined;
  /** Calls made outside any capture (a trigger module imported before the entry); the next capture takes them. */
  readonly unclaimed: Registrations;
  /** The library's own system log lines (`coreApi.log`), to every running dev host. */
  readonly systemLog: Set<(level: RpcLogLevel, message: string) => void>;
  readonly appHookData: Record<string, unknown>;
  /** Entries imported so far (a module runs once per process), by URL. */
  readonly entries: Map<string, Promise<Registrations>>;
  /** Serialises entry imports, so each capture sees only its own entry's calls. */
  lock: Promise<unknown>;
  capabilitiesLocked: boolean;
}

const MODULE_ID = '@azure/functions-core';
const KEY = Symbol.for('steady.dev-host.functions-core');

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  #dispose: (() => unknown) | undefined;
  constructor(dispose: () => unknown) {
    this.#dispose = dispose;
  }
  dispose(): unknown {
    const dispose = this.#dispose;
    this.#dispose = undefined;
    return dispose?.();
  }
}

const HOOKS: readonly string[] = ['preInvocation', 'postInvocation', 'appStart', 'appTerminate'];

/**
 * Makes `require('@azure/functions-core')` answer, as the Node.js worker does: a proxy on
 * `Module.prototype.require`, through which every CommonJS `require` (the library's
 * `tryGetCoreApiLazy` among them) passes. Installed once per process; returns the shared state.
 * It must be in place before anything calls `app.*`: the library caches a failed lookup for good.
 */
export function functionsCore(): FunctionsCore {
  const global = globalThis as { [KEY]?: FunctionsCore };
  const existing = global[KEY];
  if (existing !== undefined) return existing;

  const core: FunctionsCore = {
    programmingModel: undefined,
    capture: undefined,
    unclaimed: { functions: [], hooks: [] },
    systemLog: new Set(),
    appHookData: {},
    entries: new Map(),
    lock: Promise.resolve(),
    capabilitiesLocked: false,
  };
  const target = () => core.capture ?? core.unclaimed;
  const api = {
    // Read by nothing in @azure/functions 4.16.5; they say who answers.
    version: 'steady-dev-host',
    hostVersion: 'steady-dev-host',
    Disposable,
    setProgrammingModel(model: ProgrammingModel) {
      core.programmingModel = model;
    },
    getProgrammingModel() {
      return core.programmingModel;
    },
    registerFunction(metadata: FunctionMetadata, callback: FunctionCallback) {
      const functions = target().functions;
      if (functions.some((f) => f.metadata.name === metadata.name)) {
        throw new Error(`A function with id "${metadata.name}" has already been registered.`);
      }
      const registered: RegisteredFunction = { metadata, callback };
      functions.push(registered);
      return new Disposable(() => {
        const index = functions.indexOf(registered);
        if (index >= 0) functions.splice(index, 1);
      });
    },
    registerHook(name: string, callback: HookCallback) {
      if (!HOOKS.includes(name)) throw new RangeError(`the dev host does not run '${name}' hooks`);
      const hooks = target().hooks;
      const hook = { name: name as HookName, callback };
      hooks.push(hook);
      return new Disposable(() => {
        const index = hooks.indexOf(hook);
        if (index >= 0) hooks.splice(index, 1);
      });
    },
    log(level: RpcLogLevel, _category: string, message: string) {
      for (const listener of core.systemLog) listener(level, message);
    },
  };

  const proto = Module.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the proxy calls it on its own `this`
  proto.require = new Proxy(proto.require, {
    apply(original, self, args: unknown[]): unknown {
      return args[0] === MODULE_ID ? api : (Reflect.apply(original, self, args) as unknown);
    },
  });
  global[KEY] = core;
  return core;
}
