import type { Messenger } from '../../shared/ports.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';

/** One line of the transcript (docs/simulation.md). */
export interface TranscriptLine {
  at: string;
  to: string;
  kind: string;
  op: 'send' | 'update';
  pair?: string;
  occurrence?: string;
  text: string;
  card?: Record<string, unknown>;
  /** Internal: which Teams message this is, so later updates and presses find it. Not printed. */
  activityId: string;
}

/**
 * Records every message the bot sends or updates, as it is sent, with the simulated time. Which
 * kind, pair and occurrence a message belongs to is filled in afterwards from the delivery records.
 */
export class Recorder {
  readonly lines: TranscriptLine[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly emailOf: (conversationId: string) => string,
  ) {}

  wrap(messenger: Messenger): Messenger {
    return {
      ...messenger,
      send: async (to, message) => {
        const sent = await messenger.send(to, message);
        if (sent.ok)
          this.add(
            this.emailOf(to.conversationId),
            'send',
            sent.value.activityId,
            message.card,
            message.text,
          );
        return sent;
      },
      update: async (to, activityId, message) => {
        const updated = await messenger.update(to, activityId, message);
        if (updated.ok)
          this.add(this.emailOf(to.conversationId), 'update', activityId, message.card, message.text);
        return updated;
      },
    };
  }

  add(
    to: string,
    op: 'send' | 'update',
    activityId: string,
    card?: Readonly<Record<string, unknown>>,
    text?: string,
  ): void {
    const previous = this.lines.find((line) => line.activityId === activityId);
    this.lines.push({
      at: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      to,
      kind:
        previous?.kind ??
        (card === undefined ? 'reply' : /welcome to Steady/i.test(visibleText(card)) ? 'welcome' : 'reply'),
      op,
      text: card === undefined ? (text ?? '') : visibleText(card),
      ...(card === undefined ? {} : { card: { ...card } }),
      activityId,
    });
  }
}
