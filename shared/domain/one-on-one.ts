import type { CalendarEvent } from './calendar-event.js';
import { minutesBetween } from './time.js';
import { err, ok, type Result } from './result.js';

export const MAX_ONE_ON_ONE_MINUTES = 90;

export type NotOneOnOne =
  | 'NOT_RECURRING'
  | 'CANCELLED'
  | 'NOT_DEFAULT_EVENT_TYPE'
  | 'ALL_DAY'
  | 'TOO_LONG'
  | 'ATTENDEES_OMITTED'
  | 'NOT_TWO_PEOPLE';

/** The two people of a recurring 1:1, lower-cased, the organizer first when present. */
export interface OneOnOne {
  readonly people: readonly [string, string];
  readonly organizerEmail: string | undefined;
}

/**
 * docs/architecture.md §5.3: a series (with `recurrence`), `eventType` default, timed, at most 90 minutes,
 * `attendeesOmitted` not set, and exactly two people once resources are removed, counting the organizer.
 */
export function oneOnOneOf(event: CalendarEvent): Result<OneOnOne, NotOneOnOne> {
  if (event.recurrence === undefined || event.recurrence.length === 0) return err('NOT_RECURRING');
  if (event.status === 'cancelled') return err('CANCELLED');
  if ((event.eventType ?? 'default') !== 'default') return err('NOT_DEFAULT_EVENT_TYPE');
  if (event.allDay || event.start === undefined || event.end === undefined) return err('ALL_DAY');
  if (minutesBetween(event.start, event.end) > MAX_ONE_ON_ONE_MINUTES) return err('TOO_LONG');
  if (event.attendeesOmitted) return err('ATTENDEES_OMITTED');
  const organizer = event.organizerEmail?.toLowerCase();
  const people = new Set(organizer === undefined ? [] : [organizer]);
  for (const attendee of event.attendees) if (!attendee.resource) people.add(attendee.email.toLowerCase());
  const [first, second, ...rest] = [...people];
  if (first === undefined || second === undefined || rest.length > 0) return err('NOT_TWO_PEOPLE');
  return ok({ people: [first, second], organizerEmail: organizer });
}

/** What the directory says of one person: their direct and dotted-line managers. */
export interface ManagersOf {
  readonly managerEmail?: string | undefined;
  readonly dottedLineManagerEmails?: readonly string[];
}

/**
 * Who manages whom. `source: 'directory'` when the directory names either person's manager (direct or
 * dotted line) as the other; otherwise `unconfirmed`, with the organizer in the manager's place only
 * to key the pair: nothing manager-only follows from it (see `hasTrustedRoles`). `managerListedFor`
 * says which of the two have a manager in the directory (someone else): nobody in chat can become theirs.
 */
export function managerAndReport(
  oneOnOne: OneOnOne,
  managersOf: ReadonlyMap<string, ManagersOf | undefined>,
): {
  managerEmail: string;
  reportEmail: string;
  source: 'directory' | 'unconfirmed';
  managerListedFor: string[];
} {
  const [a, b] = oneOnOne.people;
  const named = (report: string) => {
    const known = managersOf.get(report);
    return [known?.managerEmail, ...(known?.dottedLineManagerEmails ?? [])].flatMap((email) =>
      email === undefined || email === '' ? [] : [email.toLowerCase()],
    );
  };
  const managerListedFor = [a, b].filter((person) => named(person).length > 0);
  if (named(b).includes(a)) return { managerEmail: a, reportEmail: b, source: 'directory', managerListedFor };
  if (named(a).includes(b)) return { managerEmail: b, reportEmail: a, source: 'directory', managerListedFor };
  const manager = oneOnOne.organizerEmail ?? a;
  return {
    managerEmail: manager,
    reportEmail: manager === a ? b : a,
    source: 'unconfirmed',
    managerListedFor,
  };
}
