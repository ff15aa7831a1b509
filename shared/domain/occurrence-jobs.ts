import type { JobKind } from './job.js';
import { isLive, type Occurrence } from './occurrence.js';
import { addMinutes } from './time.js';

export interface JobSettings {
  readonly agendaLeadMinutes: number;
  readonly summaryDelayMinutes: number;
}

/**
 * What an occurrence needs and when: a live one gets its agenda `agendaLeadMinutes` before its
 * (possibly moved) start and its summary `summaryDelayMinutes` after its end; every occurrence,
 * missed ones included, gets a cadence check at its original start, where a miss is counted.
 */
export function jobsFor(
  occurrence: Occurrence,
  settings: JobSettings,
): ReadonlyArray<{ kind: JobKind; dueAt: string }> {
  const cadence = { kind: 'cadenceCheck' as const, dueAt: occurrence.originalStart };
  if (!isLive(occurrence)) return [cadence];
  return [
    { kind: 'agenda', dueAt: addMinutes(occurrence.start, -settings.agendaLeadMinutes) },
    { kind: 'summary', dueAt: addMinutes(occurrence.end, settings.summaryDelayMinutes) },
    cadence,
  ];
}
