import { cadenceNow, utc, type CadenceState, type Occurrence } from '../../../shared/domain/index.js';
import { deliveryKey, type MessageKind } from './ledger.js';
import type { OccurrenceState, World, WorldOccurrence } from './world.js';

const MINUTE = 60_000;

/** One message the rules call for. */
export interface Expected {
  readonly key: string;
  readonly kind: MessageKind;
  readonly occurrenceId: string;
  readonly email: string;
  readonly pairId: string;
  /** When it is due. */
  readonly due: number;
}

export interface Expectations {
  /** Every message docs/architecture.md §5 calls for, due inside the checked window. */
  readonly expected: Map<string, Expected>;
  /** Keys that may go either way (due at the edge of the window, or of an uninstall): not counted. */
  readonly either: Set<string>;
  /** Occurrences that were cancelled or declined before their agenda was due: nothing may be sent for them. */
  readonly missed: Set<string>;
  /** How many cadence checks the rule judged, and how many of them alert. */
  readonly cadence: { readonly checks: number; readonly alerts: number };
}

const live = (state: OccurrenceState | undefined): boolean =>
  state !== undefined && !state.removed && !state.cancelled && state.declinedBy.length === 0;

/**
 * What Steady must have sent, from the world's history (not from Steady's store):
 * - an agenda to each person who has the app, for every occurrence live when its agenda is due
 *   (`lead` before its start, where it is then);
 * - a deep-dive prompt to the report with the agenda of the first live 1:1 of a calendar month
 *   (the manager's time zone), as things stood at that agenda;
 * - a summary to each, `summaryDelay` after the end of every occurrence still live then;
 * - a cadence alert to the manager wherever `cadenceNow` (shared/domain/cadence.ts) alerts, judged
 *   when an occurrence becomes missed and at each occurrence's original start, over the pair's
 *   occurrences as they were then, past and future, carrying the once-per-streak state.
 * Only messages due in [from, until] count; those due in the last minutes, or within an hour of a
 * person removing the app, may go either way.
 */
export function expectations(
  world: World,
  window: {
    from: number;
    until: number;
    lead: number;
    summaryDelay: number;
    timeZoneOf: (email: string) => string;
  },
): Expectations {
  const expected = new Map<string, Expected>();
  const either = new Set<string>();
  const missed = new Set<string>();
  let checks = 0;
  let alerts = 0;
  const expect = (kind: MessageKind, occurrence: WorldOccurrence, email: string, due: number) => {
    if (due < window.from) return;
    const key = deliveryKey(kind, occurrence.id, email);
    const edge =
      due > window.until ||
      world
        .person(email)
        .away.some((w) => Math.min(Math.abs(due - w.from), Math.abs(due - w.to)) < 60 * MINUTE);
    if (edge) either.add(key);
    else if (world.hasApp(email, due))
      expected.set(key, { key, kind, occurrenceId: occurrence.id, email, pairId: occurrence.pairId, due });
  };

  const byPair = new Map<string, WorldOccurrence[]>();
  for (const occurrence of world.occurrences.values()) {
    const list = byPair.get(occurrence.pairId) ?? [];
    list.push(occurrence);
    byPair.set(occurrence.pairId, list);
  }
  for (const [pairId, occurrences] of byPair) {
    const [manager = '', report = ''] = pairId.split('|');
    if (!world.person(manager).teams && !world.person(report).teams) continue; // no calendar of theirs is watched
    const timeZone = window.timeZoneOf(manager);
    for (const occurrence of occurrences) {
      const final = world.final(occurrence);
      const agendaAt = final.start - window.lead;
      const atAgenda = world.stateAt(occurrence, agendaAt);
      if (live(atAgenda)) {
        for (const email of [manager, report]) expect('agenda', occurrence, email, agendaAt);
        if (firstLiveOfMonth(world, occurrences, occurrence, agendaAt, timeZone))
          expect('deepDive', occurrence, report, agendaAt);
      } else if (atAgenda !== undefined && !atAgenda.removed && agendaAt >= window.from) {
        missed.add(occurrence.id);
      }
      const summaryAt = final.end + window.summaryDelay;
      if (live(world.stateAt(occurrence, summaryAt)))
        for (const email of [manager, report]) expect('summary', occurrence, email, summaryAt);
    }
    // Steady judges the pair when a sync sees a new miss (within minutes of the change) and at every
    // occurrence's original start: judge it at the same moments, over the occurrences as they were.
    const moments = new Set<number>();
    for (const occurrence of occurrences) {
      moments.add(occurrence.originalStart);
      let wasMissed = false;
      for (const entry of occurrence.timeline) {
        const isMissed = !entry.state.removed && (entry.state.cancelled || entry.state.declinedBy.length > 0);
        if (isMissed && !wasMissed) moments.add(entry.at);
        wasMissed = isMissed;
      }
    }
    let state: CadenceState | undefined;
    for (const at of [...moments].sort((a, b) => a - b)) {
      if (at < window.from || at > window.until) continue;
      const view = occurrences.flatMap((o) => {
        const s = world.stateAt(o, at);
        return s === undefined || s.removed ? [] : [asOccurrence(o, s)];
      });
      checks += 1;
      const found = cadenceNow(view, state, utc(new Date(at)));
      if (found === undefined) continue;
      state = found.next;
      alerts += 1;
      const occurrence = occurrences.find((o) => o.id === found.occurrenceId);
      if (occurrence !== undefined) expect('cadenceAlert', occurrence, manager, at);
    }
  }
  return { expected, either, missed, cadence: { checks, alerts } };
}

function firstLiveOfMonth(
  world: World,
  occurrences: readonly WorldOccurrence[],
  occurrence: WorldOccurrence,
  at: number,
  timeZone: string,
): boolean {
  const month = monthOf(world.final(occurrence).start, timeZone);
  const first = occurrences
    .flatMap((o) => {
      const s = world.stateAt(o, at);
      return s !== undefined && live(s) && monthOf(s.start, timeZone) === month
        ? [{ id: o.id, start: s.start }]
        : [];
    })
    .sort((a, b) => a.start - b.start)[0];
  return first?.id === occurrence.id;
}

function monthOf(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(instant));
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

function asOccurrence(o: WorldOccurrence, s: OccurrenceState): Occurrence {
  return {
    type: 'occurrence',
    id: o.id,
    pairId: o.pairId,
    seriesId: o.masterId,
    originalStart: utc(new Date(o.originalStart)),
    start: utc(new Date(s.start)),
    end: utc(new Date(s.end)),
    status: s.cancelled ? 'cancelled' : 'confirmed',
    declinedBy: [...s.declinedBy],
    jobs: [],
    createdAt: utc(new Date(o.originalStart)),
    updatedAt: utc(new Date(o.originalStart)),
  };
}

/** Lost, duplicated and unexpected messages: what Teams received against what the rules call for. */
export function compare(
  expectations: Expectations,
  counts: ReadonlyMap<string, number>,
): { expected: number; delivered: number; duplicates: string[]; lost: string[]; unexpected: string[] } {
  const lost: string[] = [];
  const duplicates: string[] = [];
  const unexpected: string[] = [];
  let delivered = 0;
  for (const key of expectations.expected.keys()) if ((counts.get(key) ?? 0) === 0) lost.push(key);
  for (const [key, count] of counts) {
    if (expectations.either.has(key)) continue;
    if (!expectations.expected.has(key)) {
      unexpected.push(key);
      continue;
    }
    delivered += count;
    for (let extra = 1; extra < count; extra++) duplicates.push(key);
  }
  return { expected: expectations.expected.size, delivered, duplicates, lost, unexpected };
}
