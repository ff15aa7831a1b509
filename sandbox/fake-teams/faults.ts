import type { FaultMatch, FaultStatus } from './fake-teams.js';

interface PendingFault {
  remaining: number;
  status: FaultStatus;
  match: FaultMatch;
}

/** `failNext`: faults served in the order they were asked for, each to the next matching requests. */
export class Faults {
  private readonly queue: PendingFault[] = [];

  add(count: number, status: FaultStatus, match: FaultMatch = {}): void {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`failNext needs a positive count, got ${count}`);
    this.queue.push({ remaining: count, status, match });
  }

  /** The status to fail this request with, if a fault matches it; consumes one use of that fault. */
  take(method: string, path: string): FaultStatus | undefined {
    const index = this.queue.findIndex(
      ({ match }) =>
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
