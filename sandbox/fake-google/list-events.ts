import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarData } from './calendar-data.js';
import { badRequest, invalidParameter } from './errors.js';
import type { HandlerContext, Reply } from './handler-context.js';
import { compareKeys, listEntries } from './list-entries.js';
import { listQuery, parseQuery } from './query.js';
import { readToken } from './read-token.js';
import { encodeToken } from './tokens.js';

/** Google refuses these next to a sync token, to keep the client's copy consistent. */
const FORBIDDEN_WITH_SYNC_TOKEN = [
  'iCalUID',
  'orderBy',
  'privateExtendedProperty',
  'q',
  'sharedExtendedProperty',
  'timeMin',
  'timeMax',
  'updatedMin',
] as const;
const YEAR = 365 * 86_400_000;

/** `GET /calendar/v3/calendars/{calendarId}/events`: full or incremental, paged; the sync token only on the last page. */
export function listEvents(
  context: HandlerContext,
  calendarId: string,
  rawQuery: Record<string, string>,
): Reply {
  const query = parseQuery(listQuery, rawQuery);
  const calendar = context.store.calendar(calendarId);
  if (query.syncToken !== undefined) {
    const forbidden = FORBIDDEN_WITH_SYNC_TOKEN.find((name) => rawQuery[name] !== undefined);
    if (forbidden)
      throw invalidParameter(forbidden, `The parameter ${forbidden} cannot be used with syncToken.`);
  }
  if (query.timeMin !== undefined && query.timeMax !== undefined && query.timeMin >= query.timeMax) {
    throw badRequest('The specified time range is empty.', 'timeRangeEmpty');
  }
  const sync =
    query.syncToken === undefined ? undefined : readToken(calendar, query.syncToken, 'sync', 'syncToken');
  const page =
    query.pageToken === undefined ? undefined : readToken(calendar, query.pageToken, 'list', 'pageToken');
  const since = page ? page.since : (sync?.s ?? null);
  const snapshot = page ? page.s : calendar.lastSequence;
  const header = listHeader(calendar, query.timeZone);
  const pageToken = (after: [number, number] | null): string =>
    encodeToken({ t: 'list', c: calendar.id, e: calendar.epoch, s: snapshot, since, after });

  // Google can answer with an empty page that still points further; clients must follow it.
  if (!page && context.emptyPages)
    return { status: 200, body: { ...header, nextPageToken: pageToken(null), items: [] } };

  const window =
    query.timeMin !== undefined || query.timeMax !== undefined
      ? { from: query.timeMin ?? -Infinity, to: query.timeMax ?? Infinity }
      : undefined;
  const after = page?.after ?? null;
  const entries = listEntries(calendar, {
    since,
    singleEvents: query.singleEvents ?? false,
    showDeleted: query.showDeleted ?? false,
    window,
    expandUntil: context.store.now().getTime() + YEAR,
  }).filter((entry) => after === null || compareKeys(entry.key, after) > 0);
  const size = Math.min(query.maxResults ?? 250, context.pageSize);
  const served = entries.slice(0, size);
  const last = served[served.length - 1];
  const next =
    entries.length > size && last
      ? { nextPageToken: pageToken(last.key) }
      : { nextSyncToken: encodeToken({ t: 'sync', c: calendar.id, e: calendar.epoch, s: snapshot }) };
  return { status: 200, body: { ...header, ...next, items: served.map((entry) => entry.event) } };
}

/** The fields of a `calendar#events` page that describe the calendar. */
export function listHeader(calendar: CalendarData, timeZone: string | undefined): calendar_v3.Schema$Events {
  return {
    kind: 'calendar#events',
    etag: `"${3_100_000_000_000_000 + calendar.lastSequence}"`,
    summary: calendar.id,
    description: '',
    updated: calendar.updated.toISOString(),
    timeZone: timeZone ?? calendar.timeZone,
    accessRole: 'owner',
    defaultReminders: [],
  };
}
