import type { InvocationContext } from '@azure/functions';
import { withInvocation } from '../shared/log.js';

/**
 * A handler whose every `log.*` line (shared/log.ts), its own and its services', goes through its
 * invocation's context with the invocation id.
 */
export const logged =
  <A, R>(handler: (arg: A, context: InvocationContext) => R) =>
  (arg: A, context: InvocationContext): R =>
    withInvocation(context, () => handler(arg, context));
