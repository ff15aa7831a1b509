import { cadenceFinding, utc } from '../../domain/index.js';
import type { Clock, Store } from '../../ports.js';
import { pairOccurrences } from './occurrences.js';

/** A cadence alert to send. The manager is its only recipient; the report is named, never told. */
export interface CadenceAlert {
  readonly pairId: string;
  /** The occurrence whose check found the pattern. */
  readonly occurrenceId: string;
  readonly managerEmail: string;
  readonly reportEmail: string;
  readonly pattern: 'consecutive' | 'recent';
  readonly missed: number;
  readonly window: number;
  /** Original starts of the missed occurrences, oldest first. */
  readonly dates: readonly string[];
}

/**
 * The `cadenceCheck` job of one occurrence: applies the cadence rule and, when it alerts, records the
 * alert on the pair with a write conditional on its etag. A lost race re-reads and decides again, so
 * repeated or concurrent runs of the same check return the alert at most once.
 */
export async function checkCadence(
  deps: { readonly store: Store; readonly clock: Clock },
  pairId: string,
  occurrenceId: string,
): Promise<CadenceAlert | undefined> {
  const pair = await deps.store.pairs.get(pairId, 'pair');
  if (pair?.doc.type !== 'pair' || pair.doc.tracking === 'paused') return undefined;
  const checked = await deps.store.pairs.get(pairId, occurrenceId);
  if (checked?.doc.type !== 'occurrence') return undefined; // removed since the job was planned
  const occurrences = await pairOccurrences(deps.store, pairId);
  const finding = cadenceFinding(occurrences, checked.doc, pair.doc.cadence);
  if (finding === undefined) return undefined;

  const next = { ...pair.doc, cadence: finding.next, updatedAt: utc(deps.clock.now()) };
  const written = await deps.store.pairs.replace(next, pair.etag);
  if (!written.ok) return checkCadence(deps, pairId, occurrenceId); // changed meanwhile: decide again
  return {
    pairId,
    occurrenceId,
    managerEmail: pair.doc.managerEmail,
    reportEmail: pair.doc.reportEmail,
    pattern: finding.pattern,
    missed: finding.missed,
    window: finding.window,
    dates: finding.dates,
  };
}
