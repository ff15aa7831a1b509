import {
  docId,
  managerAndReport,
  minutesBetween,
  oneOnOneOf,
  pairIdOf,
  utc,
  type CalendarEvent,
  type CalendarState,
  type Series,
} from '../../domain/index.js';
import { isErased } from '../erase-person.js';
import { linkPair } from '../people.js';
import type { CalendarDeps } from './deps.js';
import { dropFutureOccurrences } from './refresh-series.js';

export type Tracked = CalendarState['tracked'];

/**
 * Applies one series master from a sync to the tracked index: a 1:1 is stored (its pair and series,
 * deduplicated across calendars by `iCalUID`) and marked for a refresh; a tracked series that was
 * deleted or stopped being a 1:1 loses its future occurrences. A 1:1 with someone who had Steady
 * erase their data is not followed. Returns the series to refresh, if any.
 */
export async function trackSeries(
  deps: CalendarDeps,
  calendarId: string,
  master: CalendarEvent,
  tracked: Tracked,
): Promise<Series | undefined> {
  const before = tracked[master.id];
  const oneOnOne = oneOnOneOf(master);
  if (!oneOnOne.ok) {
    if (before !== undefined) {
      await untrack(deps, before, master.status === 'cancelled' ? 'deleted' : 'untracked');
      delete tracked[master.id];
    }
    return undefined;
  }
  const [a, b] = oneOnOne.value.people;
  const managerOf = new Map([
    [a, await deps.directory.managerOf(a)],
    [b, await deps.directory.managerOf(b)],
  ]);
  const { managerEmail, reportEmail } = managerAndReport(oneOnOne.value, managerOf);
  if ((await isErased(deps, managerEmail)) || (await isErased(deps, reportEmail))) {
    // one of them asked Steady to forget them: not followed, as if it were not a 1:1
    if (before !== undefined) delete tracked[master.id];
    return undefined;
  }
  const pairId = pairIdOf(managerEmail, reportEmail);
  const seriesId = docId('series', master.iCalUID ?? `${calendarId}/${master.id}`);
  if (before !== undefined && (before.pairId !== pairId || before.seriesId !== seriesId)) {
    await untrack(deps, before, 'untracked');
  }
  const now = utc(deps.clock.now());
  const pair = {
    type: 'pair' as const,
    id: 'pair',
    pairId,
    managerEmail,
    reportEmail,
    tracking: 'active' as const,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.pairs.create(pair); // CONFLICT: the pair is already known
  await linkPair(deps.store, pair); // again each time: a crash between the two writes heals on the next sync
  const existing = await deps.store.pairs.get(pairId, seriesId);
  const previous = existing?.doc.type === 'series' ? existing.doc : undefined;
  const series: Series = {
    type: 'series',
    id: seriesId,
    pairId,
    iCalUID: master.iCalUID ?? master.id,
    eventIds: { ...previous?.eventIds, [calendarId]: master.id },
    title: master.summary ?? '',
    timeZone: master.timeZone ?? 'UTC',
    recurrence: [...(master.recurrence ?? [])],
    durationMinutes: Math.max(1, Math.round(minutesBetween(master.start ?? now, master.end ?? now))),
    status: 'active',
    ...(oneOnOne.value.organizerEmail ? { organizerEmail: oneOnOne.value.organizerEmail } : {}),
    ...(previous?.continuesSeriesId ? { continuesSeriesId: previous.continuesSeriesId } : {}),
    ...(previous?.coveredUntil ? { coveredUntil: previous.coveredUntil } : {}),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  await deps.store.pairs.upsert(series);
  tracked[master.id] = { pairId, seriesId };
  return series;
}

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
