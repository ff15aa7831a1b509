import type { DeliveryDeps } from '../../shared/services/delivery/deps.js';
import type { Card } from '../../shared/services/delivery/card-renderer.js';
import type { Attachment, IdGen, Queue } from '../../shared/ports.js';
import type { CardDataOf, CardName } from '../cards/card-data.js';
import type { AdaptiveCard } from '../cards/render-card.js';

/** Renders a card by name from its data: each name takes its own data type (teams-app/cards). */
export type RenderCard = <N extends CardName>(name: N, data: CardDataOf<N>) => AdaptiveCard;

/** What the bot's handlers need: what delivering needs (they refresh and send cards), and more. */
export interface BotDeps extends DeliveryDeps {
  readonly ids: IdGen;
  readonly queue: Queue;
  /** A card by name from its data (the help card, replies); the core's views go through `cards`. */
  readonly renderCard: RenderCard;
}

/** What the bot answers: a text, a card, or another attachment (a file consent card, a file). */
export type Reply = { readonly text: string } | { readonly card: Card } | { readonly attachment: Attachment };

/**
 * What a card button answers: the invoke's answer (a card replaces the pressed one, a text is shown
 * beside it) and, when the button opens another card, that card, posted in the presser's chat first.
 */
export type CardReply = Reply & { readonly post?: Reply };
