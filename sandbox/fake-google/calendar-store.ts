import type { calendar_v3 } from '@googleapis/calendar';
import { CalendarData } from './calendar-data.js';

/**
 * Every calendar of the fake, created on first use (any calendar id exists and starts empty), and the
 * one place writes go through, so that each write bumps the change log and tells the watchers.
 */
export class CalendarStore {
  private readonly calendars = new Map<string, CalendarData>();
  private idCounter = 0;

  constructor(
    readonly now: () => Date,
    private readonly onChange: (calendarId: string) => void,
  ) {}

  calendar(calendarId: string): CalendarData {
    let calendar = this.calendars.get(calendarId);
    if (!calendar) {
      calendar = new CalendarData(calendarId, this.now());
      this.calendars.set(calendarId, calendar);
    }
    return calendar;
  }

  write(calendarId: string, resource: calendar_v3.Schema$Event): calendar_v3.Schema$Event {
    const written = this.calendar(calendarId).write(resource, this.now());
    this.onChange(calendarId);
    return written;
  }

  /** Several writes that form one change (a split series) notify once. */
  writeAll(calendarId: string, resources: readonly calendar_v3.Schema$Event[]): calendar_v3.Schema$Event[] {
    const calendar = this.calendar(calendarId);
    const written = resources.map((resource) => calendar.write(resource, this.now()));
    this.onChange(calendarId);
    return written;
  }

  requireFullSync(calendarId?: string): void {
    if (calendarId !== undefined) this.calendar(calendarId).requireFullSync();
    else for (const calendar of this.calendars.values()) calendar.requireFullSync();
  }

  /** Google event ids are base32hex (digits and a-v); these are, and they sort in creation order. */
  nextEventId(): string {
    this.idCounter += 1;
    return `ev${this.idCounter.toString(32).padStart(8, '0')}`;
  }
}
