import {
  cadenceAt,
  cadenceNow,
  deliveryIdOf,
  isMissed,
  utc,
  type CadencePattern,
  type Pair,
} from '../../domain/index.js';
import type { Clock, Store } from '../../ports.js';
import { userByEmail } from '../people.js';
import { seriesDeclines } from './declined-series.js';
import { pairOccurrences } from './occurrences.js';

/** A cadence alert to send. The manager is its only recipient; the report is named, never told. */
export interface CadenceAlert {
  readonly pairId: string;
  /** The missed occurrence that completed the pattern: the alert's idempotency key. */
  readonly occurrenceId: string;
  readonly managerEmail: string;
  readonly reportEmail: string;
  readonly pattern: 'consecutive' | 'recent';
  readonly missed: number;
  readonly window: number;
  /** Original starts of the missed occurrences, oldest first. */
  readonly dates: readonly string[];
  /** When the pattern is a declined series: who declined it, from which original start, how many. */
  readonly declined?: { readonly by: string; readonly from: string; readonly count: number };
}

/**
 * A `cadenceCheck`: applies the cadence rule to the pair's occurrences as they are known now, past
 * and future (`cadenceNow`), and, when it alerts, records the alert on the pair with a write
 * conditional on its etag. A lost race re-reads and decides again, so repeated or concurrent checks
 * return the alert at most once. A sync that makes an occurrence missed asks for a check at once,
 * and every occurrence's check at its original start runs it again; both judge the same way.
 */
export async function checkCadence(
  deps: { readonly store: Store; readonly clock: Clock },
  pairId: string,
): Promise<CadenceAlert | undefined> {
  const pair = await deps.store.pairs.get(pairId, 'pair');
  if (pair?.doc.type !== 'pair' || pair.doc.tracking === 'paused') return undefined;
  const occurrences = await pairOccurrences(deps.store, pairId);
  const declines = await seriesDeclines(deps.store, pairId, occurrences);
  const found = cadenceNow(occurrences, pair.doc.cadence, utc(deps.clock.now()), declines);
  if (found === undefined) return undefined;

  const next = { ...pair.doc, cadence: found.next, updatedAt: utc(deps.clock.now()) };
  const written = await deps.store.pairs.replace(next, pair.etag);
  if (!written.ok) return checkCadence(deps, pairId); // changed meanwhile: decide again
  return alertOf(pair.doc, found);
}

/**
 * What a `cadenceCheck` must send: a new alert (`checkCadence`), or else the alert already recorded
 * whose message never reached the manager. The alert is recorded on the pair before it is sent; when
 * the send fails (Teams kept answering 5xx or 429) or the process dies in between, the retried check
 * finds it recorded and, without this, sent nothing: the alert was lost. Once its delivery is `sent`
 * (or the manager unreachable), a repeated check returns nothing; the delivery's idempotency key
 * (the alerted occurrence and the manager) keeps the message to one.
 */
export async function cadenceAlertToSend(
  deps: { readonly store: Store; readonly clock: Clock },
  pairId: string,
): Promise<CadenceAlert | undefined> {
  const decided = await checkCadence(deps, pairId);
  if (decided !== undefined) return decided;
  const pair = await deps.store.pairs.get(pairId, 'pair');
  if (pair?.doc.type !== 'pair' || pair.doc.tracking === 'paused') return undefined;
  const alertedFor = pair.doc.cadence?.alertedFor;
  if (alertedFor === undefined) return undefined;
  const occurrences = await pairOccurrences(deps.store, pairId);
  const alerted = occurrences.find((o) => o.originalStart === alertedFor && isMissed(o));
  if (alerted === undefined) return undefined;
  const manager = await userByEmail(deps.store, pair.doc.managerEmail);
  if (manager !== undefined) {
    const delivery = await deps.store.pairs.get(
      pairId,
      deliveryIdOf('cadenceAlert', alerted.id, manager.userId),
    );
    if (delivery?.doc.type === 'delivery' && ['sent', 'unreachable'].includes(delivery.doc.state))
      return undefined;
  }
  // the recorded state only decides whether to alert; what the alert says depends on the occurrences
  const found = cadenceAt(occurrences, alerted, await seriesDeclines(deps.store, pairId, occurrences));
  return found === undefined ? undefined : alertOf(pair.doc, found);
}

function alertOf(pair: Pair, found: CadencePattern): CadenceAlert {
  return {
    pairId: pair.pairId,
    occurrenceId: found.occurrenceId,
    managerEmail: pair.managerEmail,
    reportEmail: pair.reportEmail,
    pattern: found.pattern,
    missed: found.missed,
    window: found.window,
    dates: found.dates,
    ...(found.declined === undefined
      ? {}
      : { declined: { by: found.declined.by, from: found.declined.from, count: found.declined.declined } }),
  };
}
