import type { calendar_v3 } from '@googleapis/calendar';

/** A stored event resource with its place in the calendar's change log. */
export interface StoredEvent {
  readonly resource: calendar_v3.Schema$Event;
  /** Insertion order, fixed for the event's life: list pages walk it, so a page token never skips an event. */
  readonly index: number;
  /** The change sequence of the event's last write: an incremental sync returns what is newer than its token. */
  readonly sequence: number;
}

/** One calendar: its events by id, a change sequence and the full-sync epoch that invalidates old tokens. */
export class CalendarData {
  /** The zone the fake reports for every calendar, and reads zone-less event times in. */
  readonly timeZone = 'UTC';
  private sequence = 0;
  private nextIndex = 0;
  private fullSyncEpoch = 0;
  private lastWrite: Date;
  private readonly byId = new Map<string, StoredEvent>();

  constructor(
    readonly id: string,
    created: Date,
  ) {
    this.lastWrite = created;
  }

  get lastSequence(): number {
    return this.sequence;
  }

  get epoch(): number {
    return this.fullSyncEpoch;
  }

  get updated(): Date {
    return this.lastWrite;
  }

  /** Stores a copy, stamping the fields Google changes on every write (`etag`, `updated`). */
  write(resource: calendar_v3.Schema$Event, now: Date): calendar_v3.Schema$Event {
    if (!resource.id) throw new Error('an event is stored only with an id');
    this.sequence += 1;
    this.lastWrite = now;
    const stored = {
      ...structuredClone(resource),
      etag: `"${3_100_000_000_000_000 + this.sequence}"`,
      updated: now.toISOString(),
    };
    const index = this.byId.get(resource.id)?.index ?? this.nextIndex++;
    this.byId.set(resource.id, { resource: stored, index, sequence: this.sequence });
    return structuredClone(stored);
  }

  get(id: string): StoredEvent | undefined {
    return this.byId.get(id);
  }

  /** In insertion order. */
  all(): StoredEvent[] {
    return [...this.byId.values()].sort((a, b) => a.index - b.index);
  }

  exceptionsOf(masterId: string): StoredEvent[] {
    return this.all().filter((stored) => stored.resource.recurringEventId === masterId);
  }

  requireFullSync(): void {
    this.fullSyncEpoch += 1;
  }
}
