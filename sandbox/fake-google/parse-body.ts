import type { z } from 'zod';
import { GoogleApiError } from './errors.js';

/** A request body through its schema, or Google's 400 naming the first bad field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.') || 'body';
  const message = `Invalid value for field '${field}'.`;
  throw new GoogleApiError(400, {
    error: {
      errors: [{ domain: 'global', reason: 'invalid', message, location: field, locationType: 'other' }],
      code: 400,
      message,
    },
  });
}
