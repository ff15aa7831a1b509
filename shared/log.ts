/**
 * Structured logs: one JSON object a line, through the Functions invocation context (so Application
 * Insights files it under the invocation), each with the invocation id and the function's name.
 * Fields are ids, counts and outcomes, never what people wrote; an email address anywhere in a field
 * is replaced by a short keyed digest (the same person gives the same digest, so lines still correlate).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** The part of the Functions `InvocationContext` a log line goes through. */
export interface InvocationLog {
  readonly invocationId: string;
  readonly functionName: string;
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const current = new AsyncLocalStorage<InvocationLog>();

/** Runs `fn` with `context` as the invocation every `log.*` line inside it belongs to. */
export function withInvocation<T>(context: InvocationLog, fn: () => T): T {
  return current.run(context, fn);
}

// `%40` too: a URL in an SDK's error names a calendar as `calendars/maria%40contoso.com`
const EMAIL = /[^\s"'<>@,;:/?&=%]+(?:@|%40)[^\s"'<>@,;:/?&=%]+\.[a-z]{2,}/gi;

let digestKey: string | undefined;

/** The key of the log's digests (the configuration's `digestKey`), set by the composition root. */
export function setLogDigestKey(key: string): void {
  digestKey = key;
}

/**
 * Email addresses replaced by `person:<8 hex>`, a digest keyed with the configuration's secret: a
 * plain hash of each address on the staff list would tell whose it is. Before a key is set, only
 * `person:?`.
 */
export function scrub(text: string): string {
  return text.replace(EMAIL, (email) =>
    digestKey === undefined
      ? 'person:?'
      : `person:${hmac(digestKey, email.toLowerCase().replace('%40', '@')).slice(0, 8)}`,
  );
}

/**
 * What the host may record of a thrown error: a new `Error` of the same name whose message and stack
 * are scrubbed, without the original's other properties (an SDK's error carries its request: URL,
 * headers, body) or its `cause`.
 */
export function scrubbedError(thrown: unknown): Error {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const safe = new Error(scrub(error.message));
  safe.name = error.name;
  safe.stack = scrub(error.stack ?? `${error.name}: ${error.message}`);
  return safe;
}

/**
 * `node:crypto` is loaded on the first digest, not with the functions entry: importing it costs a
 * cold start about a third of `node -e 0` (BENCHMARKS.md), and most invocations log no address.
 */
function hmac(key: string, text: string): string {
  const { createHmac } = process.getBuiltinModule('node:crypto');
  return createHmac('sha256', key).update(text).digest('hex');
}

function write(level: 'info' | 'warn' | 'error', event: string, fields: LogFields = {}): void {
  const context = current.getStore();
  const line: Record<string, string | number | boolean> = {
    level,
    event,
    invocationId: context?.invocationId ?? 'none',
    function: context?.functionName ?? 'none',
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) line[key] = typeof value === 'string' ? scrub(value) : value;
  }
  const text = JSON.stringify(line);
  const sink = context ?? console;
  if (level === 'info') sink.log(text);
  else if (level === 'warn') sink.warn(text);
  else sink.error(text);
}

export const log = {
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};
