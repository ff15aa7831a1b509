/** Continuation tokens for id-ordered paging: opaque to callers, checked when they come back. */
export function encodeContinuation(afterId: string): string {
  return Buffer.from(JSON.stringify({ after: afterId })).toString('base64url');
}

export function decodeContinuation(token: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'after' in value && typeof value.after === 'string') {
      return value.after;
    }
  } catch {
    // fall through to the error below
  }
  throw new Error('Store: the continuation token is not one this store issued');
}

/** Page sizes callers may ask for. */
export function pageSize(limit: number | undefined): number {
  const size = limit ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new Error(`Store: page size must be a whole number from 1 to 1000, got ${size}`);
  }
  return size;
}
