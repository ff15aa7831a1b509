import { addMinutes, isBefore, utc, type CalendarState, type SyncRequest } from '../../domain/index.js';
import type { Stored } from '../../ports.js';
import type { CalendarDeps } from './deps.js';
import { renewChannel, stopChannels } from './channels.js';
import { syncCalendar, type SyncOutcome } from './sync-calendar.js';

const LEASE_MINUTES = 5;

export type SyncRequestOutcome =
  | { readonly status: 'UNKNOWN_CALENDAR' }
  | { readonly status: 'COALESCED' }
  | { readonly status: 'DEFERRED'; readonly delaySeconds: number }
  | { readonly status: 'RENEWED' | 'RENEWAL_NOT_DUE' }
  | { readonly status: 'STOPPED' | 'STILL_OWNED' }
  | { readonly status: 'SYNCED'; readonly sync: SyncOutcome };

/**
 * Handles one `calendar-sync` message. A burst of notifications for one calendar costs at most two
 * syncs: a message from before the start of the last completed sync is already covered; while
 * another worker holds the calendar's lease, the message waits on the queue and is usually covered
 * by the time it returns. The sync token and tracked series are written once, at the end, on the
 * etag of the lease, so two workers can never interleave their writes.
 */
export async function processSyncRequest(
  deps: CalendarDeps,
  request: SyncRequest,
): Promise<SyncRequestOutcome> {
  if (request.reason === 'renew') {
    return { status: (await renewChannel(deps, request.calendarId)) ? 'RENEWED' : 'RENEWAL_NOT_DUE' };
  }
  if (request.reason === 'stop') return stopCalendar(deps, request.calendarId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.store.calendars.get(request.calendarId, request.calendarId);
    if (stored === undefined) return { status: 'UNKNOWN_CALENDAR' };
    const state = stored.doc;
    if (state.lastSyncStartedAt !== undefined && isBefore(request.notifiedAt, state.lastSyncStartedAt)) {
      return { status: 'COALESCED' };
    }
    const now = deps.clock.now().toISOString();
    if (state.lease !== undefined && isBefore(now, state.lease.until)) {
      const wait = Math.ceil((new Date(state.lease.until).getTime() - new Date(now).getTime()) / 1000);
      return { status: 'DEFERRED', delaySeconds: Math.min(60, Math.max(5, wait)) };
    }
    const lease = { startedAt: now, until: addMinutes(now, LEASE_MINUTES) };
    const leased = await deps.store.calendars.replace({ ...state, lease, updatedAt: utc(now) }, stored.etag);
    if (!leased.ok) continue; // someone else changed it: look again
    const sync = await syncUnderLease(deps, leased.value);
    if (request.reason === 'start') await renewChannel(deps, request.calendarId); // first sync: open the channel
    return { status: 'SYNCED', sync };
  }
  throw new Error('calendar sync: could not take the sync lease');
}

async function syncUnderLease(deps: CalendarDeps, leased: Stored<CalendarState>): Promise<SyncOutcome> {
  const startedAt = leased.doc.lease?.startedAt ?? deps.clock.now().toISOString();
  let outcome: SyncOutcome;
  try {
    outcome = await syncCalendar(deps, leased.doc);
  } catch (error) {
    await finish(deps, leased, () => ({})); // release the lease; the queue retries the message
    throw error;
  }
  await finish(deps, leased, (current) => ({
    ...outcome.state,
    tracked: withoutRemoved(outcome.state.tracked, leased.doc.tracked, current.tracked),
    lastSyncStartedAt: startedAt,
  }));
  return outcome;
}

/**
 * The series the sync tracks, less those someone else stopped tracking while it ran (an erasure drops
 * the erased person's 1:1s from every calendar): the sync read them before, and must not write them back.
 */
function withoutRemoved(
  synced: CalendarState['tracked'],
  before: CalendarState['tracked'],
  now: CalendarState['tracked'],
): CalendarState['tracked'] {
  return Object.fromEntries(
    Object.entries(synced).filter(
      ([eventId]) => !(Object.hasOwn(before, eventId) && !Object.hasOwn(now, eventId)),
    ),
  );
}

/** Writes the sync's fields and drops the lease, re-reading on a conflict (a channel renewal, say). */
async function finish(
  deps: CalendarDeps,
  leased: Stored<CalendarState>,
  /** The fields to write over the calendar as it is now (re-read after a conflict). */
  fields: (current: CalendarState) => Partial<CalendarState>,
): Promise<void> {
  let current: Stored<CalendarState> | undefined = leased;
  for (let attempt = 0; attempt < 5 && current !== undefined; attempt++) {
    const { lease: _dropped, ...rest } = current.doc;
    const result = await deps.store.calendars.replace(
      { ...rest, ...fields(current.doc), updatedAt: utc(deps.clock.now()) },
      current.etag,
    );
    if (result.ok) return;
    current = await deps.store.calendars.get(leased.doc.calendarId, leased.doc.calendarId);
  }
  throw new Error('calendar sync: could not save the sync');
}

/** Stops the calendar's watch channels and deletes its state, unless someone owns it again. */
async function stopCalendar(deps: CalendarDeps, calendarId: string): Promise<SyncRequestOutcome> {
  const stored = await deps.store.calendars.get(calendarId, calendarId);
  if (stored === undefined) return { status: 'UNKNOWN_CALENDAR' };
  if (stored.doc.ownerUserIds.length > 0) return { status: 'STILL_OWNED' };
  await stopChannels(deps, calendarId);
  await deps.store.calendars.delete(calendarId, calendarId);
  return { status: 'STOPPED' };
}
