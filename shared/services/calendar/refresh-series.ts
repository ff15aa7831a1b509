import {
  addMinutes,
  isBefore,
  isMissed,
  occurrenceFromInstance,
  occurrenceIdOf,
  untilOf,
  utc,
  type Occurrence,
  type Series,
} from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';
import { reconcileJobs, removeOccurrence } from './reconcile-jobs.js';
import { occurrencesOf } from './series-occurrences.js';
import { organizerDecides } from './speaks-for.js';
import { withPeopleResolved } from './event-people.js';

export interface RefreshResult {
  readonly coveredUntil: string;
  readonly written: number;
  readonly removed: number;
}

/**
 * Reads a series' occurrences from a day ago to the horizon as the provider expands them
 * (`events.instances`, never our own RRULE expansion), stores each one's state and its jobs, and
 * removes the future occurrences the provider no longer has (a series ended or truncated).
 * Which copy wins (docs/decisions.md): the organizer's copy decides times, cancellations and the end
 * of the series; each person's own copy decides their own response. An attendee's copy therefore
 * changes only the attendee's response while the organizer's calendar is followed too.
 */
export async function refreshSeries(
  deps: CalendarDeps,
  calendarId: string,
  masterEventId: string,
  series: Series,
): Promise<RefreshResult | 'GONE'> {
  const now = utc(deps.clock.now());
  const window = {
    from: addMinutes(now, -24 * 60),
    to: addMinutes(now, deps.settings.horizonDays * 24 * 60),
  };
  const instances = await deps.calendar.instances(calendarId, masterEventId, window);
  if (!instances.ok) return 'GONE';

  const pair = await deps.store.pairs.get(series.pairId, 'pair');
  const people = pair?.doc.type === 'pair' ? [pair.doc.managerEmail, pair.doc.reportEmail] : [];
  const stored = new Map((await occurrencesOf(deps.store, series.pairId, series.id)).map((o) => [o.id, o]));
  const decides = organizerDecides(series, calendarId);
  const own = calendarId.toLowerCase();
  // a person whose own calendar shows the series answers for themselves on it, nobody else for them
  const followed = new Set(Object.keys(series.eventIds).map((id) => id.toLowerCase()));
  let written = 0;
  for (const instance of instances.value) {
    const named = await withPeopleResolved(deps, instance, people);
    const read = occurrenceFromInstance(named, { people, durationMinutes: series.durationMinutes });
    if (read === undefined) continue;
    const id = occurrenceIdOf(series.id, read.originalStart);
    const before = stored.get(id);
    stored.delete(id);
    if (instance.privateCopy === true || (!decides && before === undefined)) continue;
    const speaker = decides ? read : (before ?? read);
    const declinedBy = people
      .filter((person) =>
        person === own || !followed.has(person) || before === undefined
          ? read.declinedBy.includes(person)
          : before.declinedBy.includes(person),
      )
      .sort();
    const state = { ...speaker, originalStart: read.originalStart, declinedBy };
    const draft: Occurrence = {
      type: 'occurrence',
      id,
      pairId: series.pairId,
      seriesId: series.id,
      originalStart: state.originalStart,
      start: state.start,
      end: state.end,
      status: state.status,
      declinedBy: state.declinedBy,
      ...(state.joinUrl === undefined ? {} : { joinUrl: state.joinUrl }),
      // Steady's own word, not Google's: "It didn't happen" survives every sync
      ...(before?.notHeld === undefined ? {} : { notHeld: before.notHeld }),
      jobs: before?.jobs ?? [],
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    const jobs = await reconcileJobs(deps, draft);
    const next = { ...draft, jobs };
    if (before !== undefined && sameState(before, next)) continue;
    await deps.store.pairs.upsert(next);
    written += 1;
    if (before !== undefined && !sameMeeting(before, next)) {
      // cards already sent show the old time or state: the deliver function updates them in place
      await deps.queue.send('deliveries', { kind: 'refresh', pairId: next.pairId, occurrenceId: next.id });
    }
    if (isMissed(next) && (before === undefined || !isMissed(before))) {
      // a new miss may complete a cadence pattern now, days ahead of the date: judge it at once
      await deps.queue.send('deliveries', {
        kind: 'cadenceCheck',
        pairId: next.pairId,
        occurrenceId: next.id,
      });
    }
  }
  let removed = 0;
  if (!decides) return { coveredUntil: window.to, written, removed };
  for (const gone of stored.values()) {
    if (isBefore(gone.start, now) || !isBefore(gone.originalStart, window.to)) continue;
    await removeOccurrence(deps, gone);
    removed += 1;
  }
  const until = untilOf(series.recurrence);
  await deps.store.pairs.upsert({
    ...series,
    coveredUntil: window.to,
    ...(until !== undefined && isBefore(until, window.to) ? { status: 'ended' as const, endsAt: until } : {}),
    updatedAt: now,
  });
  return { coveredUntil: window.to, written, removed };
}

/** Removes the future occurrences of a series that is gone (deleted, or no longer a 1:1). */
export async function dropFutureOccurrences(deps: CalendarDeps, series: Series): Promise<number> {
  const now = utc(deps.clock.now());
  let removed = 0;
  for (const occurrence of await occurrencesOf(deps.store, series.pairId, series.id)) {
    if (isBefore(occurrence.start, now)) continue;
    await removeOccurrence(deps, occurrence);
    removed += 1;
  }
  return removed;
}

function sameMeeting(a: Occurrence, b: Occurrence): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.status === b.status &&
    a.declinedBy.join() === b.declinedBy.join() &&
    a.joinUrl === b.joinUrl
  );
}

function sameState(a: Occurrence, b: Occurrence): boolean {
  return sameMeeting(a, b) && JSON.stringify(a.jobs) === JSON.stringify(b.jobs);
}
