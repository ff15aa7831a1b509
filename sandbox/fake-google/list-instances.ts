import { basicUtc } from './basic-utc.js';
import { badRequest, notFound } from './errors.js';
import type { HandlerContext, Reply } from './handler-context.js';
import { listHeader } from './list-events.js';
import { instancesQuery, parseQuery } from './query.js';
import { readToken } from './read-token.js';
import { parseRecurrence } from './recurrence.js';
import { seriesInstances } from './series-instances.js';
import { encodeToken } from './tokens.js';
import { listView } from './views.js';

const YEAR = 365 * 86_400_000;

/**
 * `GET .../events/{eventId}/instances`: the series expanded in its own zone with the calendar's
 * exceptions applied, paged like a list but never with a sync token.
 */
export function listInstances(
  context: HandlerContext,
  calendarId: string,
  eventId: string,
  rawQuery: Record<string, string>,
): Reply {
  const query = parseQuery(instancesQuery, rawQuery);
  const calendar = context.store.calendar(calendarId);
  const master = calendar.get(eventId)?.resource;
  if (!master) throw notFound();
  // Unverified against Google: what it answers for a non-recurring event here.
  if (!master.recurrence)
    throw badRequest('The requested operation is not supported for this event.', 'invalid');
  if (query.timeMin !== undefined && query.timeMax !== undefined && query.timeMin >= query.timeMax) {
    throw badRequest('The specified time range is empty.', 'timeRangeEmpty');
  }
  const page =
    query.pageToken === undefined
      ? undefined
      : readToken(calendar, query.pageToken, 'instances', 'pageToken');
  if (page && page.m !== eventId) throw badRequest('Invalid page token value.', 'invalid');
  const header = listHeader(calendar, query.timeZone);
  const pageToken = (after: number | null): string =>
    encodeToken({ t: 'instances', c: calendar.id, e: calendar.epoch, m: eventId, after });
  if (!page && context.emptyPages)
    return { status: 200, body: { ...header, nextPageToken: pageToken(null), items: [] } };

  const to =
    query.timeMax ??
    (isBounded(master.recurrence, master.start?.timeZone ?? calendar.timeZone)
      ? Infinity
      : context.store.now().getTime() + YEAR);
  const after = page?.after ?? null;
  const originalStart =
    query.originalStart === undefined ? undefined : basicUtc(Date.parse(query.originalStart));
  const instances = seriesInstances(calendar, master, { from: query.timeMin ?? -Infinity, to })
    .filter((instance) => query.showDeleted === true || instance.event.status !== 'cancelled')
    .filter((instance) => originalStart === undefined || instance.suffix === originalStart)
    .filter((instance) => after === null || instance.originalStart > after);
  const size = Math.min(query.maxResults ?? 250, context.pageSize);
  const served = instances.slice(0, size);
  const last = served[served.length - 1];
  const next = instances.length > size && last ? { nextPageToken: pageToken(last.originalStart) } : {};
  return {
    status: 200,
    body: { ...header, ...next, items: served.map((instance) => listView(instance.event)) },
  };
}

/** Every rule ends (COUNT or UNTIL): expand it all rather than stopping a year from now. */
function isBounded(recurrence: readonly string[], timeZone: string): boolean {
  const { rules } = parseRecurrence(recurrence, timeZone);
  return rules.every((rule) => rule.count != null || rule.until != null);
}
