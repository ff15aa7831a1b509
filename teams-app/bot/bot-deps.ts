import type { AddressRules } from '../../shared/domain/index.js';
import type { Attachment, Clock, Directory, IdGen, Messenger, Queue, Store } from '../../shared/ports.js';

/** Renders a card by name from its data (the templates in teams-app/cards). */
export type RenderCard = (name: string, data: Record<string, unknown>) => Record<string, unknown>;

export interface BotDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGen;
  readonly messenger: Messenger;
  readonly queue: Queue;
  readonly renderCard: RenderCard;
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
