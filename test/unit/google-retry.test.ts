import { describe, expect, it } from 'vitest';
import { withRetry } from '../../shared/adapters/google/retry.js';

/** An error shaped as gaxios throws it for a Google JSON error response. */
const googleError = (status: number, reason = 'backendError', domain = 'global') =>
  Object.assign(new Error(`status ${status}`), {
    status,
    response: { status, data: { error: { code: status, errors: [{ domain, reason }] } } },
  });

const run = async (errors: unknown[], attempts = 6) => {
  const delays: number[] = [];
  let calls = 0;
  const result = withRetry(
    async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error as Error;
      return 'done';
    },
    { attempts, baseMs: 100, maxMs: 1000, sleep: async (ms) => void delays.push(ms), random: () => 0.999 },
  );
  return { result: await result.catch((e: unknown) => e), delays, calls: () => calls };
};

describe('retrying Google calls', () => {
  it.each([
    ['403 usageLimits', googleError(403, 'rateLimitExceeded', 'usageLimits')],
    ['403 userRateLimitExceeded', googleError(403, 'userRateLimitExceeded')],
    ['429', googleError(429, 'rateLimitExceeded', 'usageLimits')],
    ['500', googleError(500)],
    ['503', googleError(503)],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
  ])('retries %s with exponential backoff and jitter', async (_, error) => {
    const { result, delays } = await run([error, error, error]);
    expect(result).toBe('done');
    expect(delays).toEqual([99, 199, 399]);
  });

  it('caps the backoff and gives up after the last attempt with the last error', async () => {
    const error = googleError(503);
    const { result, delays, calls } = await run(
      Array.from({ length: 10 }, () => error),
      6,
    );
    expect(result).toBe(error);
    expect(calls()).toBe(6);
    expect(delays).toEqual([99, 199, 399, 799, 999]);
  });

  it.each([
    ['403 forbidden (no delegation)', googleError(403, 'forbidden')],
    ['404', googleError(404, 'notFound')],
    ['410 fullSyncRequired', googleError(410, 'fullSyncRequired')],
    ['400', googleError(400, 'invalid')],
  ])('does not retry %s', async (_, error) => {
    const { result, calls } = await run([error]);
    expect(result).toBe(error);
    expect(calls()).toBe(1);
  });
});
