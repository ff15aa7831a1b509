import { addMinutes, isBefore, utc, type CalendarEvent, type CalendarState } from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';
import { linkSplitSeries } from './link-split-series.js';
import { refreshSeries } from './refresh-series.js';
import { recheckRoles } from './recheck-roles.js';
import { speaksFor } from './speaks-for.js';
import { trackSeries, untrack, type Tracked } from './track-series.js';

export interface SyncOutcome {
  readonly full: boolean;
  readonly pages: number;
  readonly events: number;
  readonly refreshed: number;
  /** The fields of the calendar's state this sync changed, for the caller's one conditional write. */
  readonly state: Pick<CalendarState, 'syncToken' | 'tracked' | 'lastSyncAt'>;
}

/**
 * One sync of one calendar: every change since the stored sync token (all events without one),
 * paged; a 410 drops the token and starts over with a full sync. Series masters update the tracked
 * 1:1s; any change to a tracked series (master or exception) re-reads its occurrences, as does a
 * series whose horizon runs short. The new token is returned only once the last page is read.
 */
export async function syncCalendar(deps: CalendarDeps, state: CalendarState): Promise<SyncOutcome> {
  const { calendarId } = state;
  let syncToken = state.syncToken;
  let events: CalendarEvent[] = [];
  let pages = 0;
  let restarts = 0;
  let pageToken: string | undefined;
  let nextSyncToken: string | undefined;
  for (;;) {
    const page = await deps.calendar.listChanges(calendarId, {
      ...(syncToken === undefined ? {} : { syncToken }),
      ...(pageToken === undefined ? {} : { pageToken }),
    });
    pages += 1;
    if (!page.ok) {
      // no calendar id in what is thrown: it is an email address, and the host records thrown messages
      if (page.error.code === 'NOT_FOUND')
        throw new Error('calendar sync: the calendar is not reachable (404)');
      if (++restarts > 2) throw new Error('calendar sync: full sync required again and again');
      [syncToken, pageToken, events] = [undefined, undefined, []];
      continue;
    }
    events.push(...page.value.events);
    pageToken = page.value.nextPageToken;
    if (pageToken === undefined) {
      nextSyncToken = page.value.nextSyncToken;
      break;
    }
  }
  const full = syncToken === undefined;
  const tracked: Tracked = structuredClone(state.tracked);
  const toRefresh = new Set<string>();
  const seen = new Set<string>();
  for (const event of events) {
    if (event.privateCopy === true) continue; // its changes are not the meeting's (see CalendarEvent)
    if (event.recurringEventId !== undefined) {
      if (tracked[event.recurringEventId] !== undefined) toRefresh.add(event.recurringEventId);
      continue;
    }
    seen.add(event.id);
    if (event.recurrence === undefined && tracked[event.id] === undefined) continue; // a single event
    if (event.status === 'cancelled' && tracked[event.id] === undefined) continue;
    if (await trackSeries(deps, calendarId, event, tracked)) toRefresh.add(event.id);
  }
  if (full) {
    for (const [masterId, entry] of Object.entries(tracked)) {
      if (seen.has(masterId)) continue;
      // gone from the calendar altogether; from an attendee's calendar only, the organizer's copy still holds
      if (await speaksFor(deps, calendarId, entry)) await untrack(deps, entry, 'deleted');
      delete tracked[masterId];
    }
  }
  for (const masterId of await recheckRoles(deps, calendarId, tracked)) toRefresh.add(masterId);
  const now = utc(deps.clock.now());
  const soon = addMinutes(now, deps.settings.minHorizonDays * 24 * 60);
  for (const [masterId, entry] of Object.entries(tracked)) {
    if (entry.coveredUntil === undefined || isBefore(entry.coveredUntil, soon)) toRefresh.add(masterId);
  }
  let refreshed = 0;
  const refreshedPairs = new Set<string>();
  for (const masterId of toRefresh) {
    const entry = tracked[masterId];
    if (entry === undefined) continue;
    const series = await deps.store.pairs.get(entry.pairId, entry.seriesId);
    if (series?.doc.type !== 'series' || series.doc.status === 'deleted') continue;
    const result = await refreshSeries(deps, calendarId, masterId, series.doc);
    if (result === 'GONE') {
      await untrack(deps, entry, 'deleted');
      delete tracked[masterId];
      continue;
    }
    tracked[masterId] = { ...entry, coveredUntil: result.coveredUntil };
    refreshedPairs.add(entry.pairId);
    refreshed += 1;
  }
  await linkSplitSeries(deps, refreshedPairs);
  return {
    full,
    pages,
    events: events.length,
    refreshed,
    state: { tracked, lastSyncAt: now, ...(nextSyncToken === undefined ? {} : { syncToken: nextSyncToken }) },
  };
}
