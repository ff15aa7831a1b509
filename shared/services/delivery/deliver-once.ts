import {
  deliveryIdOf,
  isBefore,
  addMinutes,
  utc,
  type Delivery,
  type DeliveryKind,
  type Pair,
  type User,
} from '../../domain/index.js';
import { saveProfile } from '../people.js';
import type { Card } from './card-renderer.js';
import type { SendOnceDeps } from './deps.js';

/** A `sending` older than this was left by a process that died; the next attempt takes it over. */
const STALE_SENDING_MINUTES = 2;

export type DeliverOnceOutcome = 'SENT' | 'ALREADY_SENT' | 'IN_FLIGHT' | 'UNREACHABLE' | 'RETRY';

/**
 * Sends one message at most once per (kind, occurrence, recipient), docs/architecture.md §6: the delivery
 * goes `sending` with a conditional write (a concurrent attempt loses the race and stops), the
 * message is sent, then the delivery goes `sent` with the activity id. An attempt that finds `sent`
 * does nothing; one that finds a fresh `sending` leaves it to its owner (`IN_FLIGHT`, retried later);
 * one that finds a stale `sending` (its owner died) sends again: between a send and its write a crash
 * can cost a duplicate, never a loss (see docs/decisions.md). A throttled `sent` write is retried.
 */
export async function deliverOnce(
  deps: SendOnceDeps,
  message: {
    readonly kind: DeliveryKind;
    readonly pair: Pair;
    /** Where the delivery record is kept when not in the pair's partition (the manager's digest). */
    readonly partition?: string;
    readonly occurrenceId: string;
    readonly recipient: User;
    readonly card: () => Promise<Card>;
  },
): Promise<DeliverOnceOutcome> {
  const { recipient } = message;
  const partition = message.partition ?? message.pair.pairId;
  if (!recipient.reachable || recipient.conversation === undefined) return 'UNREACHABLE';
  const id = deliveryIdOf(message.kind, message.occurrenceId, recipient.userId);
  const now = utc(deps.clock.now());
  const existing = await deps.store.pairs.get(partition, id);
  const before = existing?.doc.type === 'delivery' ? existing.doc : undefined;
  if (before?.state === 'sent' || before?.state === 'unreachable') return 'ALREADY_SENT';
  if (before?.state === 'sending' && before.sendingSince !== undefined) {
    if (isBefore(now, addMinutes(before.sendingSince, STALE_SENDING_MINUTES))) return 'IN_FLIGHT';
  }
  const sending = {
    type: 'delivery' as const,
    id,
    pairId: partition,
    kind: message.kind,
    occurrenceId: message.occurrenceId,
    recipientUserId: recipient.userId,
    state: 'sending' as const,
    attempts: (before?.attempts ?? 0) + 1,
    sendingSince: now,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
  const claimed =
    existing === undefined
      ? await deps.store.pairs.create(sending)
      : await deps.store.pairs.replace(sending, existing.etag);
  if (!claimed.ok) return 'IN_FLIGHT'; // another attempt claimed it first
  const to = { ...recipient.conversation, tenantId: recipient.tenantId };
  const sent = await deps.messenger.send(to, { card: await message.card() });
  if (!sent.ok) {
    // Gone (the app was removed) or not allowed (the tenant left ALLOWED_TENANTS): never retried. Only
    // the first marks the person unreachable; a tenant put back on the list is sent the next messages.
    const final = sent.error.code !== 'RETRY';
    await deps.store.pairs.replace(
      { ...sending, state: final ? 'unreachable' : 'pending' },
      claimed.value.etag,
    );
    if (sent.error.code === 'UNREACHABLE')
      await saveProfile(deps.store, { ...recipient, reachable: false, updatedAt: now });
    return final ? 'UNREACHABLE' : 'RETRY';
  }
  // Throttled here, the write is tried again on the spot: lost, the message would go out twice.
  const record: Delivery = {
    ...sending,
    state: 'sent',
    activityId: sent.value.activityId,
    conversationId: to.conversationId,
    updatedAt: utc(deps.clock.now()),
  };
  await recordSent(deps, record, claimed.value.etag);
  return 'SENT';
}

/** How often the `sent` write is tried when Cosmos DB keeps answering 429 past its SDK's own retries. */
const SENT_WRITE_ATTEMPTS = 4;

/**
 * The `sent` write, tried again while the store answers `THROTTLED`, after the wait it asked for (at
 * most 5 s) on the injected clock; still throttled after `SENT_WRITE_ATTEMPTS`, it throws and the queue
 * retries the delivery. Any other answer (a conflict: someone took the record over) stands.
 */
async function recordSent(deps: SendOnceDeps, record: Delivery, etag: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const written = await deps.store.pairs.tryReplace(record, etag);
    if (written.ok || written.error.code !== 'THROTTLED') return;
    if (attempt >= SENT_WRITE_ATTEMPTS)
      throw new Error(`the sent record stayed throttled after ${SENT_WRITE_ATTEMPTS} attempts`);
    await deps.clock.wait(Math.min(written.error.retryAfterMs ?? 1000 * attempt, 5000));
  }
}
