import {
  cadenceAt,
  cadenceNow,
  deliveryIdOf,
  isMissed,
  utc,
  type CadencePattern,
  type DeclinedSeries,
  type Occurrence,
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

/** A pair as a check reads it: the pair (with its etag), its occurrences and its declined series. */
interface PairRead {
  readonly pair: Pair;
  readonly etag: string;
  readonly occurrences: readonly Occurrence[];
  readonly declines: readonly DeclinedSeries[];
}

type CadenceDeps = { readonly store: Store; readonly clock: Clock };

async function readPair(deps: CadenceDeps, pairId: string): Promise<PairRead | undefined> {
  const pair = await deps.store.pairs.get(pairId, 'pair');
  if (pair?.doc.type !== 'pair' || pair.doc.tracking === 'paused') return undefined;
  const occurrences = await pairOccurrences(deps.store, pairId);
  const declines = await seriesDeclines(deps.store, pairId, occurrences);
  return { pair: pair.doc, etag: pair.etag, occurrences, declines };
}

/**
 * A `cadenceCheck`: applies the cadence rule to the pair's occurrences as they are known now, past
 * and future (`cadenceNow`), and, when it alerts, records the alert on the pair with a write
 * conditional on its etag. A lost race re-reads and decides again, so repeated or concurrent checks
 * return the alert at most once. A sync that makes an occurrence missed asks for a check at once,
 * and every occurrence's check at its original start runs it again; both judge the same way.
 */
export async function checkCadence(deps: CadenceDeps, pairId: string): Promise<CadenceAlert | undefined> {
  const read = await readPair(deps, pairId);
  return read === undefined ? undefined : (await decide(deps, read)).alert;
}

/** The new alert of `read`, recorded on the pair; and the read it was decided on (re-read after a lost race). */
async function decide(deps: CadenceDeps, read: PairRead): Promise<{ alert?: CadenceAlert; read?: PairRead }> {
  const found = cadenceNow(read.occurrences, read.pair.cadence, utc(deps.clock.now()), read.declines);
  if (found === undefined) return { read };
  const next = { ...read.pair, cadence: found.next, updatedAt: utc(deps.clock.now()) };
  const written = await deps.store.pairs.replace(next, read.etag);
  if (written.ok) return { alert: alertOf(read.pair, found), read };
  // changed meanwhile: decide again on what is there now
  const again = await readPair(deps, read.pair.pairId);
  return again === undefined ? {} : decide(deps, again);
}

/**
 * What a `cadenceCheck` must send: a new alert (`checkCadence`), or else the alert already recorded
 * whose message never reached the manager. The alert is recorded on the pair before it is sent; when
 * the send fails (Teams kept answering 5xx or 429) or the process dies in between, the retried check
 * finds it recorded and, without this, sent nothing: the alert was lost. Once its delivery is `sent`
 * (or the manager unreachable), a repeated check returns nothing; the delivery's idempotency key
 * (the alerted occurrence and the manager) keeps the message to one. The pair is read once for both.
 */
export async function cadenceAlertToSend(
  deps: CadenceDeps,
  pairId: string,
): Promise<CadenceAlert | undefined> {
  const first = await readPair(deps, pairId);
  if (first === undefined) return undefined;
  const { alert, read } = await decide(deps, first);
  if (alert !== undefined || read === undefined) return alert;
  const alertedFor = read.pair.cadence?.alertedFor;
  const alerted = read.occurrences.find((o) => o.originalStart === alertedFor && isMissed(o));
  if (alerted === undefined) return undefined;
  const manager = await userByEmail(deps.store, read.pair.managerEmail);
  if (manager !== undefined) {
    const delivery = await deps.store.pairs.get(
      pairId,
      deliveryIdOf('cadenceAlert', alerted.id, manager.userId),
    );
    if (delivery?.doc.type === 'delivery' && ['sent', 'unreachable'].includes(delivery.doc.state))
      return undefined;
  }
  // the recorded state only decides whether to alert; what the alert says depends on the occurrences
  const found = cadenceAt(read.occurrences, alerted, read.declines);
  return found === undefined ? undefined : alertOf(read.pair, found);
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
