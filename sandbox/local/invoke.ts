import { randomUUID } from 'node:crypto';
import functions from '@azure/functions';

/**
 * An invocation context as the Functions worker gives a handler, with its log lines (prefixed with
 * the function's name) kept in `logs`.
 */
export function invocationContext(functionName: string, logs: string[]): functions.InvocationContext {
  const context = new functions.InvocationContext({ functionName, invocationId: randomUUID() });
  const log = (...args: unknown[]) => void logs.push(`${functionName}: ${args.join(' ')}`);
  context.log = log;
  context.warn = log;
  context.error = log;
  return context;
}

/** The timer argument of a timer-triggered handler, for an invocation on schedule at `now`. */
export function timerAt(now: Date): functions.Timer {
  const at = now.toISOString();
  return {
    isPastDue: false,
    schedule: { adjustForDST: false },
    scheduleStatus: { last: at, next: at, lastUpdated: at },
  };
}
