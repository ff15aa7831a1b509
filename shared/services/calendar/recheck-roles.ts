import { addMinutes, isBefore, utc } from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';
import { ROLES_RECHECK_HOURS, settlePair } from './settle-pair.js';
import { placeSeries, type Tracked } from './track-series.js';

/**
 * Asks the directory again about the pairs of this calendar's series once their answer is a day old:
 * masters rarely change, so without this a new manager would wait for the next edit of the meeting.
 * A series whose two people now meet as another pair moves there (`placeSeries`) and is returned,
 * to be read again under its new pair.
 */
export async function recheckRoles(
  deps: CalendarDeps,
  calendarId: string,
  tracked: Tracked,
): Promise<string[]> {
  const now = utc(deps.clock.now());
  const due = addMinutes(now, -ROLES_RECHECK_HOURS * 60);
  const moved: string[] = [];
  for (const [masterId, entry] of Object.entries(tracked)) {
    // nothing is read for a series this calendar had checked within the day (the common case)
    if (entry.rolesCheckedAt !== undefined && isBefore(due, entry.rolesCheckedAt)) continue;
    const pair = await deps.store.pairs.get(entry.pairId, 'pair');
    const series = await deps.store.pairs.get(entry.pairId, entry.seriesId);
    if (pair?.doc.type !== 'pair' || series?.doc.type !== 'series' || series.doc.status !== 'active') {
      tracked[masterId] = { ...entry, rolesCheckedAt: now }; // nothing to ask about: not again today
      continue;
    }
    const checkedAt = pair.doc.roles?.checkedAt;
    if (checkedAt !== undefined && isBefore(due, checkedAt)) {
      tracked[masterId] = { ...entry, rolesCheckedAt: checkedAt }; // the other calendar asked today
      continue;
    }
    const { managerEmail, reportEmail } = pair.doc;
    const organizer = series.doc.organizerEmail;
    const people: [string, string] =
      organizer === reportEmail ? [reportEmail, managerEmail] : [managerEmail, reportEmail];
    const oneOnOne = { people, organizerEmail: organizer };
    const settled = await settlePair(deps, oneOnOne);
    if (settled.pairId === entry.pairId) {
      tracked[masterId] = { ...entry, rolesCheckedAt: now };
      continue;
    }
    const placed = await placeSeries(
      deps,
      calendarId,
      masterId,
      { oneOnOne, seriesId: series.doc.id, fields: series.doc },
      tracked,
    );
    if (placed !== undefined && placed.pairId !== entry.pairId) moved.push(masterId);
  }
  return moved;
}
