import { randomBytes, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import type {
  CoreInvocationContext,
  HookCallback,
  HookName,
  ProgrammingModel,
  RegisteredFunction,
  RpcInvocationRequest,
  RpcInvocationResponse,
  RpcLogLevel,
} from './core-types.js';

export interface InvocationTarget {
  readonly fn: RegisteredFunction;
  readonly programmingModel: ProgrammingModel;
  readonly hooks: readonly { readonly name: HookName; readonly callback: HookCallback }[];
  readonly appHookData: Record<string, unknown>;
  readonly log: (line: string) => void;
}

/** User log levels written to the log; `trace` and `debug` are dropped (host.json's default level). */
const SHOWN: ReadonlySet<RpcLogLevel> = new Set(['information', 'warning', 'error', 'critical']);

/**
 * One invocation, as the Node.js worker's InvocationHandler runs it: the library's invocation model
 * turns the RPC request into arguments (`getArguments`), preInvocation hooks, `invokeFunction`,
 * postInvocation hooks, then `getResponse` turns the result into RPC output. Throws the function's
 * error, as the worker reports a failed invocation to the host.
 */
export async function invokeFunction(
  target: InvocationTarget,
  request: Pick<RpcInvocationRequest, 'inputData' | 'triggerMetadata' | 'retryContext'>,
  reason: string,
): Promise<RpcInvocationResponse> {
  const { fn, log } = target;
  const name = fn.metadata.name;
  const invocationId = randomUUID();
  const started = performance.now();
  log(`Executing 'Functions.${name}' (Reason='${reason}', Id=${invocationId})`);

  const coreCtx: CoreInvocationContext = {
    invocationId,
    request: {
      ...request,
      invocationId,
      functionId: fn.metadata.functionId ?? name,
      traceContext: {
        traceParent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`,
        traceState: '',
        attributes: {},
      },
    },
    metadata: fn.metadata,
    state: undefined,
    log(level, category, message) {
      if (category === 'user' ? SHOWN.has(level) : level === 'warning' || level === 'error') {
        log(`${name}${level === 'information' ? '' : ` [${level}]`}: ${message}`);
      }
    },
  };

  try {
    const model = await target.programmingModel.getInvocationModel(coreCtx);
    const { context, inputs: initialInputs } = await model.getArguments();
    const hookData: Record<string, unknown> = {};
    const base = { hookData, appHookData: target.appHookData, invocationContext: context };

    const pre = { ...base, inputs: initialInputs, functionCallback: fn.callback };
    await runHooks(target, 'preInvocation', pre, coreCtx, 'preInvocationHooks');

    const post = { ...base, inputs: pre.inputs, result: null as unknown, error: null as unknown };
    coreCtx.state = 'invocation';
    try {
      post.result = await model.invokeFunction(context, pre.inputs, pre.functionCallback);
    } catch (error) {
      post.error = error;
    } finally {
      coreCtx.state = undefined;
    }
    await runHooks(target, 'postInvocation', post, coreCtx, 'postInvocationHooks');
    // The function's own error, whatever it threw, as the worker rethrows it.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (post.error !== null && post.error !== undefined) throw post.error;

    const response = await model.getResponse(context, post.result);
    log(`Executed 'Functions.${name}' (Succeeded, Id=${invocationId}, Duration=${elapsed(started)}ms)`);
    return response;
  } catch (error) {
    log(`Executed 'Functions.${name}' (Failed, Id=${invocationId}, Duration=${elapsed(started)}ms)`);
    log(`${name} [error]: ${error instanceof Error ? (error.stack ?? error.message) : format(error)}`);
    throw error;
  }
}

async function runHooks(
  target: InvocationTarget,
  name: HookName,
  context: Record<string, unknown>,
  coreCtx: CoreInvocationContext,
  state: 'preInvocationHooks' | 'postInvocationHooks',
): Promise<void> {
  coreCtx.state = state;
  try {
    for (const hook of target.hooks.filter((h) => h.name === name)) await hook.callback(context);
  } finally {
    coreCtx.state = undefined;
  }
}

const elapsed = (started: number) => Math.round(performance.now() - started);
