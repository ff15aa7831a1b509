import type { InvocationContext } from '@azure/functions';
import { scrubbedError, withInvocation } from '../shared/log.js';

/**
 * A handler whose every `log.*` line (shared/log.ts), its own and its services', goes through its
 * invocation's context with the invocation id. What it throws reaches the host (Application Insights
 * records it, once per retry up to the poison limit) only scrubbed: no email address, no SDK request.
 */
export const logged =
  <A, R>(handler: (arg: A, context: InvocationContext) => Promise<R>) =>
  (arg: A, context: InvocationContext): Promise<R> =>
    withInvocation(context, async () => {
      try {
        return await handler(arg, context);
      } catch (thrown) {
        throw scrubbedError(thrown);
      }
    });
