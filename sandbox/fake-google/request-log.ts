import type { Operation } from './routes.js';

/** One request the fake answered. */
export interface RecordedRequest {
  method: string;
  /** Decoded, e.g. `/calendar/v3/calendars/ada@example.com/events`. */
  path: string;
  query: Record<string, string>;
  operation: Operation;
  status: number;
  bearer?: string;
  calendarId?: string;
}

export class RequestLog {
  private readonly entries: RecordedRequest[] = [];

  get requests(): readonly RecordedRequest[] {
    return this.entries;
  }

  record(request: RecordedRequest): void {
    this.entries.push(request);
  }

  count(operation?: string, calendarId?: string): number {
    return this.entries.filter(
      (request) =>
        (operation === undefined || request.operation === operation) &&
        (calendarId === undefined || request.calendarId === calendarId),
    ).length;
  }

  reset(): void {
    this.entries.length = 0;
  }
}
