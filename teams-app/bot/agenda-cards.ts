import { deliveryIdOf, utc, type Occurrence, type Pair, type User } from '../../shared/domain/index.js';
import { agendaView } from '../../shared/services/one-on-one/agenda-view.js';
import { saveUser, userByEmail } from '../../shared/services/people.js';
import type { BotDeps } from './bot-deps.js';
import { agendaCardData } from './present.js';

/** The agenda card of one occurrence as `viewer` sees it. */
export async function agendaCard(deps: BotDeps, pair: Pair, occurrence: Occurrence, viewer: User) {
  const view = await agendaView(deps.store, pair, occurrence, viewer.email, viewer.timeZone);
  return deps.renderCard('agenda', await agendaCardData(deps.store, view, viewer.timeZone));
}

/**
 * Sends one person the agenda of one occurrence, once: the delivery (kind + occurrence + recipient)
 * goes `sending` with a conditional write before the send and `sent` with the activity id after, so
 * a second attempt finds it and does nothing.
 */
export async function deliverAgenda(
  deps: BotDeps,
  pair: Pair,
  occurrence: Occurrence,
  recipient: User,
): Promise<'SENT' | 'ALREADY' | 'UNREACHABLE' | 'RETRY'> {
  if (!recipient.reachable || recipient.conversation === undefined) return 'UNREACHABLE';
  const id = deliveryIdOf('agenda', occurrence.id, recipient.userId);
  const now = utc(deps.clock.now());
  const existing = await deps.store.pairs.get(pair.pairId, id);
  if (existing?.doc.type === 'delivery' && existing.doc.state !== 'pending') return 'ALREADY';
  const sending = {
    type: 'delivery' as const,
    id,
    pairId: pair.pairId,
    kind: 'agenda' as const,
    occurrenceId: occurrence.id,
    recipientUserId: recipient.userId,
    state: 'sending' as const,
    attempts: 1,
    sendingSince: now,
    createdAt: now,
    updatedAt: now,
  };
  const claimed =
    existing === undefined
      ? await deps.store.pairs.create(sending)
      : await deps.store.pairs.replace(sending, existing.etag);
  if (!claimed.ok) return 'ALREADY';
  const to = { ...recipient.conversation, tenantId: recipient.tenantId };
  const sent = await deps.messenger.send(to, { card: await agendaCard(deps, pair, occurrence, recipient) });
  if (!sent.ok) {
    await deps.store.pairs.replace(
      { ...sending, state: sent.error.code === 'UNREACHABLE' ? 'unreachable' : 'pending' },
      claimed.value.etag,
    );
    if (sent.error.code === 'UNREACHABLE')
      await saveUser(deps.store, { ...recipient, reachable: false, updatedAt: now });
    return sent.error.code === 'UNREACHABLE' ? 'UNREACHABLE' : 'RETRY';
  }
  await deps.store.pairs.replace(
    {
      ...sending,
      state: 'sent',
      activityId: sent.value.activityId,
      conversationId: to.conversationId,
      updatedAt: utc(deps.clock.now()),
    },
    claimed.value.etag,
  );
  return 'SENT';
}

/** After a change to a pair's agenda: each participant's sent agenda card is updated in place. */
export async function refreshAgendaCards(
  deps: BotDeps,
  pair: Pair,
  occurrence: Occurrence,
  except?: string,
): Promise<number> {
  let updated = 0;
  for (const email of [pair.managerEmail, pair.reportEmail]) {
    const user = await userByEmail(deps.store, email);
    if (user === undefined || user.userId === except || !user.reachable || user.conversation === undefined)
      continue;
    const delivery = await deps.store.pairs.get(
      pair.pairId,
      deliveryIdOf('agenda', occurrence.id, user.userId),
    );
    if (delivery?.doc.type !== 'delivery' || delivery.doc.activityId === undefined) continue;
    const result = await deps.messenger.update(
      { ...user.conversation, tenantId: user.tenantId },
      delivery.doc.activityId,
      { card: await agendaCard(deps, pair, occurrence, user) },
    );
    if (result.ok) updated += 1;
  }
  return updated;
}
