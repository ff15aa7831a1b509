/** A call the fake cannot do as asked (an unknown person, no install, no bot endpoint): the caller's bug. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
