import {
  hasTrustedRoles,
  isDeclined,
  isInDeclinedSeries,
  isLive,
  type DeliveryRequest,
  type Occurrence,
  type Pair,
} from '../../domain/index.js';
import { recipientOf } from '../address-check.js';
import { isDeepDive } from '../one-on-one/agenda-view.js';
import { cadenceAlertToSend } from '../one-on-one/cadence.js';
import { chooseQuestion } from '../one-on-one/choose-question.js';
import { seriesDeclines } from '../one-on-one/declined-series.js';
import { pairOccurrences } from '../one-on-one/occurrences.js';
import { pairTimeZone } from '../people.js';
import { agendaCard, deepDiveCard, refreshAgendaCards, summaryCard } from './cards.js';
import { deliverOnce, type DeliverOnceOutcome } from './deliver-once.js';
import type { DeliveryDeps } from './deps.js';
import { deliverDigest } from './digest.js';

export type DeliverOutcome =
  | DeliverOnceOutcome
  | 'GONE'
  | 'PAUSED'
  | 'NOT_LIVE'
  | 'NO_APP'
  | 'NO_ALERT'
  | 'NOTHING_TO_UPDATE'
  | 'NOT_TRUSTED';

/**
 * One `deliveries` message: looks at the pair and the occurrence as they are now (a cancelled or
 * declined occurrence gets nothing, a paused pair gets nothing), then sends once. The report's agenda
 * of the month's first 1:1 brings the deep-dive prompt with it; the manager's brings their monthly
 * trust digest (once per manager and month, over all their pairs).
 */
export async function deliver(deps: DeliveryDeps, request: DeliveryRequest): Promise<DeliverOutcome> {
  const pair = await deps.store.pairs.get(request.pairId, 'pair');
  const occurrence = await deps.store.pairs.get(request.pairId, request.occurrenceId);
  if (pair?.doc.type !== 'pair' || occurrence?.doc.type !== 'occurrence') return 'GONE';
  return deliverFor(deps, request, pair.doc, occurrence.doc);
}

async function deliverFor(
  deps: DeliveryDeps,
  request: DeliveryRequest,
  pair: Pair,
  occurrence: Occurrence,
): Promise<DeliverOutcome> {
  if (request.kind === 'cadenceCheck') return cadence(deps, pair);
  if (request.kind === 'refresh')
    return (await refreshAgendaCards(deps, pair, occurrence)) > 0 ? 'SENT' : 'NOTHING_TO_UPDATE';
  if (pair.tracking === 'paused') return 'PAUSED';
  const declinedSeries =
    request.kind === 'agenda' && (await agendaDespiteDecline(deps, pair, occurrence, request));
  if (!isLive(occurrence) && !declinedSeries) return 'NOT_LIVE';
  const recipient = await recipientOf(deps, request.recipientEmail);
  if (recipient === undefined) return 'NO_APP';
  const base = { pair: pair, occurrenceId: occurrence.id, recipient };
  switch (request.kind) {
    case 'agenda': {
      const withQuestion = await chooseQuestion(deps.store, pair, occurrence, deps.clock.now());
      const outcome = await deliverOnce(deps, {
        ...base,
        kind: 'agenda',
        card: () => agendaCard(deps, withQuestion, occurrence, recipient),
      });
      // the prompt and the digest only where a trusted source says who manages whom, and a 1:1 goes ahead
      const deepDive =
        !declinedSeries &&
        hasTrustedRoles(pair) &&
        (await deepDiveMonth(deps, pair, occurrence)) !== undefined;
      if (deepDive && recipient.email === pair.reportEmail) {
        await deliver(deps, { ...request, kind: 'deepDive' });
      }
      if (deepDive && recipient.email === pair.managerEmail) {
        // The month's digest, once per manager and month, whichever of their pairs' deep dives comes first.
        const digest = await deliverDigest(deps, pair, occurrence, recipient);
        if (digest === 'RETRY' && (outcome === 'SENT' || outcome === 'ALREADY_SENT')) return 'RETRY';
      }
      return outcome;
    }
    case 'deepDive': {
      if (!hasTrustedRoles(pair) || recipient.email !== pair.reportEmail) return 'NOT_TRUSTED';
      const month = await deepDiveMonth(deps, pair, occurrence);
      if (month === undefined) return 'NOT_LIVE';
      return deliverOnce(deps, {
        ...base,
        kind: 'deepDive',
        card: () => deepDiveCard(deps, pair, occurrence, month),
      });
    }
    case 'summary':
      return deliverOnce(deps, {
        ...base,
        kind: 'summary',
        card: () => summaryCard(deps, pair, occurrence, recipient),
      });
  }
}

/**
 * The manager's cadence alert, when the pair's occurrences as known now complete a pattern of misses
 * (once per streak). Its key is the missed occurrence that completed the pattern, whichever change
 * asked for the check; the dates still ahead are marked so.
 */
async function cadence(deps: DeliveryDeps, pair: Pair): Promise<DeliverOutcome> {
  if (!hasTrustedRoles(pair)) return 'NO_ALERT'; // nobody is known to manage the other: no alert to anyone
  const alert = await cadenceAlertToSend(deps, pair.pairId);
  if (alert === undefined) return 'NO_ALERT';
  const manager = await recipientOf(deps, alert.managerEmail);
  if (manager === undefined) return 'NO_APP';
  const now = deps.clock.now();
  return deliverOnce(deps, {
    kind: 'cadenceAlert',
    pair,
    occurrenceId: alert.occurrenceId,
    recipient: manager,
    card: () => deps.cards.cadenceAlert(alert, manager, now),
  });
}

/**
 * A declined series still gives the person who did not decline an agenda for each of its occurrences,
 * which says so ("Dev Patel declined this 1:1 and every one of the series from ..."); the one who
 * declined gets none. A single declined occurrence gives nobody an agenda.
 */
async function agendaDespiteDecline(
  deps: DeliveryDeps,
  pair: Pair,
  occurrence: Occurrence,
  request: { readonly recipientEmail: string },
): Promise<boolean> {
  if (!isDeclined(occurrence)) return false;
  const [by, ...others] = occurrence.declinedBy;
  if (others.length > 0 || by === request.recipientEmail.toLowerCase()) return false;
  const occurrences = await pairOccurrences(deps.store, pair.pairId);
  return (await seriesDeclines(deps.store, pair.pairId, occurrences)).some((d) =>
    isInDeclinedSeries(occurrence, d),
  );
}

/** The month's name when this is the month's first live 1:1 (in the manager's time zone). */
async function deepDiveMonth(
  deps: DeliveryDeps,
  pair: Pair,
  occurrence: Occurrence,
): Promise<string | undefined> {
  const timeZone = await pairTimeZone(deps.store, pair);
  if (!(await isDeepDive(deps.store, pair.pairId, occurrence, timeZone))) return undefined;
  return new Intl.DateTimeFormat('en-GB', { timeZone, month: 'long', year: 'numeric' }).format(
    new Date(occurrence.start),
  );
}
