import { AsyncLocalStorage } from 'node:async_hooks';
import type { FakeTeams } from '../../../sandbox/fake-teams/index.js';
import type { Messenger } from '../../../shared/ports.js';

/** The messages Steady delivers on its own (not replies): one per (kind, occurrence, recipient). */
export type MessageKind = 'agenda' | 'summary' | 'deepDive' | 'cadenceAlert';

/** Each delivered card names its kind in its `fallbackText` (teams-app/cards/templates). */
const KIND_OF_FALLBACK: Readonly<Record<string, MessageKind>> = {
  'Your 1:1 agenda from Steady.': 'agenda',
  'Your 1:1 summary from Steady.': 'summary',
  'Your monthly deep dive from Steady.': 'deepDive',
  'A 1:1 keeps being missed.': 'cadenceAlert',
};

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function kindOfCard(card: unknown): MessageKind | undefined {
  const fallback = (card as { fallbackText?: unknown } | undefined)?.fallbackText;
  return typeof fallback === 'string' ? KIND_OF_FALLBACK[fallback] : undefined;
}

/** The idempotency key of docs/architecture.md §6, with the recipient by email so a failure reads well. */
export const deliveryKey = (kind: MessageKind, occurrenceId: string, email: string): string =>
  `${kind} ${occurrenceId} → ${email}`;

/** One card the fake Teams accepted, and what it was for. */
export interface Received {
  readonly activityId: string;
  readonly key: string;
  readonly kind: MessageKind;
  readonly occurrenceId: string;
  readonly email: string;
  /** When Teams accepted it, on the simulated clock. */
  readonly at: number;
}

/**
 * Which delivery each card Teams received belongs to. The `deliveries` handler runs inside
 * `handle(request, …)`; the Messenger wrapper tags every card that Teams accepted during it with the
 * request's occurrence (a deep-dive prompt goes out while its agenda is handled, a cadence alert while
 * its check is). The counts come from the fake Teams' own log: a card that is there but was never
 * tagged is counted as unattributed, so nothing Teams received goes uncounted.
 */
export class DeliveryLedger {
  private readonly handling = new AsyncLocalStorage<{ occurrenceId: string; pairId: string }>();
  private readonly tagged = new Map<string, Received>();

  /**
   * `alertBeingSent`: the occurrence of the pair's cadence alert now being sent (its delivery record
   * claimed `sending`). A cadence check judges the whole pair, so the alert it sends is keyed by the
   * occurrence that completed the pattern, which need not be the one whose change asked for the check.
   */
  constructor(
    private readonly emailOf: (conversationId: string) => string,
    private readonly now: () => number,
    private readonly alertBeingSent?: (pairId: string) => Promise<string | undefined>,
  ) {}

  /** Runs one `deliveries` message's handler with its request as the context of what it sends. */
  handle<T>(message: unknown, run: () => Promise<T>): Promise<T> {
    const request = message as { occurrenceId?: unknown; pairId?: unknown } | null;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return this.handling.run(
      { occurrenceId: text(request?.occurrenceId), pairId: text(request?.pairId) },
      run,
    );
  }

  /** The tag of an activity Teams accepted, if it was a delivery. */
  of(activityId: string): Received | undefined {
    return this.tagged.get(activityId);
  }

  /** Tags each delivered card as Teams accepts it (innermost wrapper: it sees what reached Teams). */
  wrap(messenger: Messenger): Messenger {
    return {
      ...messenger,
      send: async (to, message) => {
        const sent = await messenger.send(to, message);
        const kind = kindOfCard(message.card);
        const context = this.handling.getStore();
        if (sent.ok && kind !== undefined && context !== undefined) {
          const email = this.emailOf(to.conversationId);
          const occurrenceId =
            (kind === 'cadenceAlert' ? await this.alertBeingSent?.(context.pairId) : undefined) ??
            context.occurrenceId;
          this.tagged.set(sent.value.activityId, {
            activityId: sent.value.activityId,
            key: deliveryKey(kind, occurrenceId, email),
            kind,
            occurrenceId,
            email,
            at: this.now(),
          });
        }
        return sent;
      },
    };
  }

  /**
   * What the fake Teams received: every card `send` in every chat, counted per delivery key.
   * `unattributed`: delivered-kind cards that no delivery handler sent (there should be none).
   */
  received(teams: FakeTeams): { counts: Map<string, number>; all: Received[]; unattributed: number } {
    const counts = new Map<string, number>();
    const all: Received[] = [];
    let unattributed = 0;
    for (const activity of teams.activities()) {
      if (activity.op !== 'send') continue;
      const card = (activity.attachments ?? []).find(
        (a): a is { contentType: string; content: unknown } =>
          (a as { contentType?: unknown }).contentType === ADAPTIVE_CARD,
      );
      if (kindOfCard(card?.content) === undefined) continue;
      const tag = this.tagged.get(activity.id);
      if (tag === undefined) {
        unattributed += 1;
        continue;
      }
      all.push(tag);
      counts.set(tag.key, (counts.get(tag.key) ?? 0) + 1);
    }
    return { counts, all, unattributed };
  }
}

/**
 * "The process dies between the send and its write": once armed, the next card Teams accepts is
 * followed by a throw, so nothing after the send runs (the `sent` write included) and the queue
 * message is retried, as after a crash.
 */
export class KillSwitch {
  private armed = 0;
  readonly killed: string[] = [];

  constructor(private readonly ledger: DeliveryLedger) {}

  arm(times = 1): void {
    this.armed += times;
  }

  wrap(messenger: Messenger): Messenger {
    return {
      ...messenger,
      send: async (to, message) => {
        const sent = await messenger.send(to, message);
        if (sent.ok && this.armed > 0 && kindOfCard(message.card) !== undefined) {
          this.armed -= 1;
          this.killed.push(this.ledger.of(sent.value.activityId)?.key ?? sent.value.activityId);
          throw new Error('killed: the process died after Teams accepted the card, before the sent write');
        }
        return sent;
      },
    };
  }
}
