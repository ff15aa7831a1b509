import type { z } from 'zod';

/** Card data that does not fit its schema: a bug in the caller, so it is thrown, never shown. */
export class CardDataError extends Error {
  constructor(
    readonly card: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const problems = issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`);
    super(`invalid data for the ${card} card: ${problems.join('; ')}`);
    this.name = 'CardDataError';
  }
}
