/** How Google calls are retried: exponential backoff with full jitter. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 500, maxMs: 32_000 };

/**
 * Runs `call`, retrying throttling (403 `usageLimits`, 429) and server errors (5xx) and dropped
 * connections, POSTs included: gaxios itself retries neither 403 nor POST, so its retry is off.
 */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = policy.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      await sleep(Math.floor(random() * Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1))));
    }
  }
}

export function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } } | null;
  const status = e?.response?.status ?? e?.status ?? e?.code;
  return typeof status === 'number' ? status : undefined;
}

export function reasonOf(error: unknown): { domain?: string; reason?: string } {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data as
    { error?: { errors?: { domain?: string; reason?: string }[] } } | undefined;
  return data?.error?.errors?.[0] ?? {};
}

function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) {
    const code = (error as { code?: unknown } | null)?.code;
    return (
      typeof code === 'string' &&
      ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(code)
    );
  }
  if (status === 429 || status >= 500) return true;
  if (status !== 403) return false;
  const { domain, reason } = reasonOf(error);
  return domain === 'usageLimits' || reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded';
}
