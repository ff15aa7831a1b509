import { cadenceFinding, deliveryIdOf, utc, type CadenceFinding, type Pair } from '../../domain/index.js';
import type { Clock, Store } from '../../ports.js';
import { userByEmail } from '../people.js';
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
  return alertOf(pair.doc, occurrenceId, finding);
}

/**
 * What the `cadenceCheck` of one occurrence must send: a new alert (`checkCadence`), or else the
 * alert already recorded for this same occurrence whose message never reached the manager. The
 * alert is recorded on the pair before it is sent; when the send fails (Teams kept answering 5xx or
 * 429) or the process dies in between, the retried check finds it recorded and, without this, sent
 * nothing: the alert was lost. Once its delivery is `sent` (or the manager unreachable), a repeated
 * check returns nothing; the delivery's idempotency key keeps the message to one.
 */
export async function cadenceAlertToSend(
  deps: { readonly store: Store; readonly clock: Clock },
  pairId: string,
  occurrenceId: string,
): Promise<CadenceAlert | undefined> {
  const decided = await checkCadence(deps, pairId, occurrenceId);
  if (decided !== undefined) return decided;
  const pair = await deps.store.pairs.get(pairId, 'pair');
  const checked = await deps.store.pairs.get(pairId, occurrenceId);
  if (pair?.doc.type !== 'pair' || pair.doc.tracking === 'paused' || checked?.doc.type !== 'occurrence')
    return undefined;
  if (pair.doc.cadence?.alertedFor !== checked.doc.originalStart) return undefined;
  const manager = await userByEmail(deps.store, pair.doc.managerEmail);
  if (manager !== undefined) {
    const delivery = await deps.store.pairs.get(
      pairId,
      deliveryIdOf('cadenceAlert', occurrenceId, manager.userId),
    );
    if (delivery?.doc.type === 'delivery' && ['sent', 'unreachable'].includes(delivery.doc.state))
      return undefined;
  }
  // the recorded state only decides whether to alert; what the alert says depends on the occurrences
  const finding = cadenceFinding(await pairOccurrences(deps.store, pairId), checked.doc, undefined);
  return finding === undefined ? undefined : alertOf(pair.doc, occurrenceId, finding);
}

function alertOf(pair: Pair, occurrenceId: string, finding: CadenceFinding): CadenceAlert {
  return {
    pairId: pair.pairId,
    occurrenceId,
    managerEmail: pair.managerEmail,
    reportEmail: pair.reportEmail,
    pattern: finding.pattern,
    missed: finding.missed,
    window: finding.window,
    dates: finding.dates,
  };
}
