/**
 * A calendar event as Steady sees it, converted once from the provider's type inside the adapter.
 * Times are UTC instants (`2026-03-03T09:00:00Z`), or dates (`2026-03-03`) when `allDay`.
 * A cancelled event may carry only `id` (and, for an occurrence, `recurringEventId` + `originalStart`).
 */
export interface CalendarEvent {
  readonly id: string;
  readonly status: 'confirmed' | 'tentative' | 'cancelled';
  readonly iCalUID?: string;
  readonly summary?: string;
  readonly recurringEventId?: string;
  readonly originalStart?: string;
  readonly start?: string;
  readonly end?: string;
  readonly allDay: boolean;
  /** The event's own time zone (the series' zone for a recurring event). */
  readonly timeZone?: string;
  readonly recurrence?: readonly string[];
  readonly eventType?: string;
  readonly organizerEmail?: string;
  readonly attendees: readonly Attendee[];
  readonly attendeesOmitted: boolean;
  /**
   * Google's `privateCopy`: a copy whose changes are not passed on to the other attendees, so it says
   * nothing about the meeting the two share. Steady ignores such events.
   */
  readonly privateCopy?: true;
  /** The event's own video call link (its conferencing provider's, `https`), for the agenda's Join. */
  readonly joinUrl?: string;
}

export interface Attendee {
  readonly email: string;
  readonly responseStatus: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  /** A room or other resource: not a person. */
  readonly resource: boolean;
}
