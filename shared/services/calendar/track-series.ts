import {
  docId,
  foldAddress,
  minutesBetween,
  oneOnOneOf,
  utc,
  type CalendarEvent,
  type CalendarState,
  type OneOnOne,
  type Series,
} from '../../domain/index.js';
import { isErased } from '../erase-person.js';
import type { CalendarDeps } from './deps.js';
import { organizerDecides, speaksFor } from './speaks-for.js';
import { dropFutureOccurrences } from './refresh-series.js';
import { settlePair } from './settle-pair.js';
import { withPeopleResolved } from './event-people.js';

export type Tracked = CalendarState['tracked'];

/** What a series keeps of its master event, whichever calendar it was read on. */
export type SeriesFields = Pick<
  Series,
  'iCalUID' | 'title' | 'timeZone' | 'recurrence' | 'durationMinutes' | 'organizerEmail'
>;

/**
 * Applies one series master from a sync to the tracked index: a 1:1 is stored (its pair and series,
 * deduplicated across calendars by `iCalUID`) and marked for a refresh; a tracked series that was
 * deleted or stopped being a 1:1 loses its future occurrences. Only the two people's own calendars
 * speak for their pair: a copy on a third person's calendar, or a private copy, is ignored (and
 * the organizer's copy decides when the series ends or goes; see `speaksFor`). A 1:1 with someone
 * who had Steady erase their data is not followed. Returns the series to refresh, if any.
 */
export async function trackSeries(
  deps: CalendarDeps,
  calendarId: string,
  master: CalendarEvent,
  tracked: Tracked,
): Promise<Series | undefined> {
  const before = tracked[master.id];
  const oneOnOne = oneOnOneOf(await withPeopleResolved(deps, master));
  if (master.privateCopy === true || (oneOnOne.ok && !oneOnOne.value.people.includes(owner(calendarId)))) {
    // not this calendar's word on any pair: forget it here, and leave the pair's series as it is
    if (before !== undefined) delete tracked[master.id];
    return undefined;
  }
  if (!oneOnOne.ok) {
    if (before !== undefined) {
      if (await speaksFor(deps, calendarId, before))
        await untrack(deps, before, master.status === 'cancelled' ? 'deleted' : 'untracked');
      delete tracked[master.id];
    }
    return undefined;
  }
  const now = utc(deps.clock.now());
  const fields: SeriesFields = {
    iCalUID: master.iCalUID ?? master.id,
    title: master.summary ?? '',
    timeZone: master.timeZone ?? 'UTC',
    recurrence: [...(master.recurrence ?? [])],
    durationMinutes: Math.max(1, Math.round(minutesBetween(master.start ?? now, master.end ?? now))),
    ...(oneOnOne.value.organizerEmail ? { organizerEmail: oneOnOne.value.organizerEmail } : {}),
  };
  const seriesId = docId('series', master.iCalUID ?? `${calendarId}/${master.id}`);
  return placeSeries(deps, calendarId, master.id, { oneOnOne: oneOnOne.value, seriesId, fields }, tracked);
}

/**
 * Stores a 1:1's series under the pair its two people meet as now (`settlePair`): the sync calls it
 * with each master it reads, and once a day for each tracked series, so a directory change moves the
 * series to its new pair. A series that changes pairs leaves its past (and every other document) with
 * the old pair.
 */
export async function placeSeries(
  deps: CalendarDeps,
  calendarId: string,
  masterId: string,
  found: { readonly oneOnOne: OneOnOne; readonly seriesId: string; readonly fields: SeriesFields },
  tracked: Tracked,
): Promise<Series | undefined> {
  const { oneOnOne, seriesId, fields } = found;
  const before = tracked[masterId];
  const [a, b] = oneOnOne.people;
  if ((await isErased(deps, a)) || (await isErased(deps, b))) {
    // one of them asked Steady to forget them: not followed, as if it were not a 1:1
    if (before !== undefined) delete tracked[masterId];
    return undefined;
  }
  const { pairId } = await settlePair(deps, oneOnOne);
  if (before !== undefined && (before.pairId !== pairId || before.seriesId !== seriesId)) {
    await untrack(deps, before, 'untracked');
  }
  const now = utc(deps.clock.now());
  const existing = await deps.store.pairs.get(pairId, seriesId);
  const previous = existing?.doc.type === 'series' ? existing.doc : undefined;
  const eventIds = { ...previous?.eventIds, [calendarId]: masterId };
  // the organizer's copy decides the series' shape once it is known (docs/decisions.md)
  const mine = previous === undefined || organizerDecides({ ...previous, eventIds }, calendarId);
  const shape = mine ? fields : previous;
  const series: Series = {
    type: 'series',
    id: seriesId,
    pairId,
    iCalUID: shape.iCalUID,
    eventIds,
    title: shape.title,
    timeZone: shape.timeZone,
    recurrence: [...shape.recurrence],
    durationMinutes: shape.durationMinutes,
    status: mine ? 'active' : previous.status,
    ...(shape.organizerEmail ? { organizerEmail: shape.organizerEmail } : {}),
    ...(previous?.continuesSeriesId ? { continuesSeriesId: previous.continuesSeriesId } : {}),
    ...(previous?.coveredUntil ? { coveredUntil: previous.coveredUntil } : {}),
    ...(!mine && previous.endsAt ? { endsAt: previous.endsAt } : {}),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  await deps.store.pairs.upsert(series);
  tracked[masterId] = { pairId, seriesId, rolesCheckedAt: now };
  return series;
}

/** The person whose calendar this is (`calendarId` is the user's address). */
export const owner = (calendarId: string): string => foldAddress(calendarId);

/** Stops following a series: its future occurrences and their jobs go; its past stays as history. */
export async function untrack(
  deps: CalendarDeps,
  entry: Tracked[string],
  status: 'deleted' | 'untracked',
): Promise<void> {
  const stored = await deps.store.pairs.get(entry.pairId, entry.seriesId);
  if (stored?.doc.type !== 'series') return;
  await dropFutureOccurrences(deps, stored.doc);
  await deps.store.pairs.upsert({ ...stored.doc, status, updatedAt: utc(deps.clock.now()) });
}
