import type { AddressRules } from '../../shared/domain/index.js';
import type { CardRenderer } from '../../shared/services/delivery/card-renderer.js';
import type { DeliveryDeps } from '../../shared/services/delivery/deps.js';
import type {
  Attachment,
  Directory,
  IdGen,
  Messenger,
  Queue,
  Store,
  WaitingClock,
} from '../../shared/ports.js';

/** Renders a card by name from its data (the templates in teams-app/cards). */
export type RenderCard = (name: string, data: Record<string, unknown>) => Record<string, unknown>;

/** What the bot's handlers need: what delivering needs (they refresh and send cards), and more. */
export interface BotDeps extends DeliveryDeps {
  readonly store: Store;
  readonly clock: WaitingClock;
  readonly ids: IdGen;
  readonly messenger: Messenger;
  readonly queue: Queue;
  readonly renderCard: RenderCard;
  /** The views the core decided on, as Teams cards (`renderCard` behind the presenters). */
  readonly cards: CardRenderer;
  /** Matches a Teams address to the Google account (primary address, emails, aliases). */
  readonly directory: Directory;
  /** `DOMAIN_MAP` and `TENANT_DOMAINS`. */
  readonly addressRules: AddressRules;
}

/** What the bot answers: a text, a card, or another attachment (a file consent card, a file). */
export type Reply =
  | { readonly text: string }
  | { readonly card: Record<string, unknown> }
  | { readonly attachment: Attachment };

/**
 * What a card button answers: the invoke's answer (a card replaces the pressed one, a text is shown
 * beside it) and, when the button opens another card, that card, posted in the presser's chat first.
 */
export type CardReply = Reply & { readonly post?: Reply };
