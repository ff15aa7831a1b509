import type { JobKind } from './job.js';
import { isDeclined, isLive, type Occurrence } from './occurrence.js';
import { addMinutes } from './time.js';

export interface JobSettings {
  readonly agendaLeadMinutes: number;
  readonly summaryDelayMinutes: number;
}

/**
 * What an occurrence needs and when: a live one gets its agenda `agendaLeadMinutes` before its
 * (possibly moved) start and its summary `summaryDelayMinutes` after its end; every occurrence,
 * missed ones included, gets a cadence check at its original start, where a miss is counted. A
 * declined one keeps its agenda job: when it is one of a declined series, the person who did not
 * decline gets an agenda that says so (the deliver function decides; otherwise nobody gets one).
 */
export function jobsFor(
  occurrence: Occurrence,
  settings: JobSettings,
): ReadonlyArray<{ kind: JobKind; dueAt: string }> {
  const cadence = { kind: 'cadenceCheck' as const, dueAt: occurrence.originalStart };
  const agenda = {
    kind: 'agenda' as const,
    dueAt: addMinutes(occurrence.start, -settings.agendaLeadMinutes),
  };
  if (isLive(occurrence)) {
    const summary = {
      kind: 'summary' as const,
      dueAt: addMinutes(occurrence.end, settings.summaryDelayMinutes),
    };
    return [agenda, summary, cadence];
  }
  return isDeclined(occurrence) ? [agenda, cadence] : [cadence];
}
