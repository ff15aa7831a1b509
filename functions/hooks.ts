import { app, type InvocationContext } from '@azure/functions';
import { scrubbedError, withInvocation } from '../shared/log.js';

/**
 * Every invocation, whatever its trigger: before it, its handler is set to run inside the invocation, so
 * every `log.*` line (shared/log.ts), its own and its services', goes through its context with the
 * invocation id; after it, what it threw reaches the host (Application Insights records it, once per
 * retry up to the poison limit) only scrubbed: no email address, no SDK request.
 */
app.hook.preInvocation((hook) => {
  const handler = hook.functionHandler;
  const context = hook.invocationContext;
  hook.functionHandler = (input: unknown, invocation: InvocationContext): unknown =>
    withInvocation(context, (): unknown => handler(input, invocation));
});

app.hook.postInvocation((hook) => {
  if (hook.error !== undefined && hook.error !== null) hook.error = scrubbedError(hook.error);
});

/**
 * A handler as the hooks run it, for callers that invoke it directly and not through the host (tests,
 * the sandbox's simulated functions, the benchmarks): inside its invocation, what it throws scrubbed.
 */
export const hooked =
  <A, R>(handler: (arg: A, context: InvocationContext) => R) =>
  async (arg: A, context: InvocationContext): Promise<Awaited<R>> => {
    try {
      return await withInvocation(context, () => handler(arg, context));
    } catch (thrown) {
      throw scrubbedError(thrown);
    }
  };
