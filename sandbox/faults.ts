/** Which requests a fault applies to. */
export interface FaultMatch {
  method?: string;
  /** Tested against the request's (decoded) path. */
  path?: RegExp;
}

interface PendingFault<S> {
  remaining: number;
  status: S;
  match: FaultMatch;
}

/**
 * `failNext` of the fakes: faults served in the order they were asked for, each to the next matching
 * requests. Shared by the fake Google Calendar and the fake Teams.
 */
export class Faults<S extends number> {
  private readonly queue: PendingFault<S>[] = [];

  add(count: number, status: S, match: FaultMatch = {}): void {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`failNext needs a positive count, got ${count}`);
    this.queue.push({ remaining: count, status, match });
  }

  /**
   * The status to fail this request with, if a fault matches it; consumes one use of that fault.
   * `named`: only a fault whose `path` names this request applies (the fake Google's directory calls,
   * so a test's unscoped calendar faults keep going to the calendar).
   */
  take(method: string, path: string, named = false): S | undefined {
    const index = this.queue.findIndex(
      ({ match }) =>
        (!named || match.path !== undefined) &&
        (match.method === undefined || match.method.toUpperCase() === method) &&
        (match.path === undefined ||
          new RegExp(match.path.source, match.path.flags.replace('g', '')).test(path)),
    );
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.splice(index, 1);
    return fault.status;
  }
}
