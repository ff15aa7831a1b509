import { foldAddress, oneOnOneOf, type AddressRules, type CalendarEvent } from '../../domain/index.js';
import type { Directory } from '../../ports.js';
import { googleAddress } from '../google-address.js';

/** The most addresses a master may name and still be a 1:1 once aliases are merged (two people and an alias). */
const MOST_ADDRESSES = 3;

/**
 * The event with each person named by their Google primary address: an invitation may name someone by
 * an alias (in any letter case) or by an address of a `DOMAIN_MAP`ped domain, and the directory's
 * primary address of whichever it knows is the one the pair, the calendar and the claim use
 * (`googleAddress`). Only an event that could be a 1:1 is looked up; addresses in `known` (the pair's
 * own) are taken as they are.
 */
export async function withPeopleResolved(
  deps: { readonly directory: Directory; readonly addressRules?: AddressRules | undefined },
  event: CalendarEvent,
  known: readonly string[] = [],
): Promise<CalendarEvent> {
  const names = new Set([
    ...(event.organizerEmail === undefined ? [] : [event.organizerEmail]),
    ...event.attendees.filter((a) => !a.resource).map((a) => a.email),
  ]);
  if (!couldBeOneOnOne(event, names.size)) return event;
  const rules = { directory: deps.directory, addressRules: deps.addressRules ?? { domainMap: {} } };
  const resolved = new Map<string, string>();
  for (const name of names) {
    const address = foldAddress(name);
    resolved.set(
      name,
      known.includes(address) ? address : ((await googleAddress(rules, address))?.email ?? address),
    );
  }
  const as = (name: string) => resolved.get(name) ?? foldAddress(name);
  return {
    ...event,
    ...(event.organizerEmail === undefined ? {} : { organizerEmail: as(event.organizerEmail) }),
    attendees: event.attendees.map((a) => (a.resource ? a : { ...a, email: as(a.email) })),
  };
}

/** Whether the event passes every 1:1 rule but the count of people, with few enough addresses. */
function couldBeOneOnOne(event: CalendarEvent, addresses: number): boolean {
  if (addresses > MOST_ADDRESSES) return false;
  if (event.recurringEventId !== undefined) return event.status !== 'cancelled'; // an instance of a tracked series
  const found = oneOnOneOf(event);
  return found.ok || found.error === 'NOT_TWO_PEOPLE';
}
