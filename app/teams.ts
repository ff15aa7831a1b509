/**
 * Teams' side of the composition root, loaded on first use as one module: the card renderer, the
 * Messenger (the Teams adapter behind `allowedTenantsOnly`, over the bot's own HTTP client, which carries
 * its token) and the bot.
 */
import { allowedTenantsOnly } from '../shared/adapters/teams/allowed-tenants-only.js';
import { uploadFile } from '../shared/adapters/teams/file-upload.js';
import { createTeamsMessenger } from '../shared/adapters/teams/teams-messenger.js';
import type { Messenger, Store } from '../shared/ports.js';
import type { CardRenderer } from '../shared/services/delivery/card-renderer.js';
import type { BotDeps, RenderCard } from '../teams-app/bot/bot-deps.js';
import { createCardRenderer } from '../teams-app/bot/card-renderer.js';
import { createBot, type Bot, type BotConfig } from '../teams-app/bot/create-bot.js';
import { renderCard } from '../teams-app/cards/render-card.js';

export interface Cards {
  /** A card by name from its data (the help card, replies). */
  readonly render: RenderCard;
  /** The core's card renderer port. */
  readonly renderer: CardRenderer;
}

export function cardsOf(store: Store): Cards {
  return { render: renderCard, renderer: createCardRenderer(store, renderCard) };
}

export function botOf(
  config: BotConfig,
  local: boolean,
  deps: Omit<BotDeps, 'messenger' | 'renderCard' | 'cards'>,
  cards: Cards,
  messenger: { readonly override?: Messenger; readonly wrap?: (messenger: Messenger) => Messenger },
): Promise<Bot> {
  const wrap = messenger.wrap ?? ((sender: Messenger) => sender);
  return createBot(config, local, {
    ...deps,
    renderCard: cards.render,
    cards: cards.renderer,
    // replies and deliveries share the Messenger, so its limits hold for both
    messengerOf: (http, botId) =>
      messenger.override ??
      wrap(
        allowedTenantsOnly(
          createTeamsMessenger({ http, botId, allowLoopback: local }),
          config.allowedTenants,
        ),
      ),
    upload: (url, bytes) => uploadFile(url, bytes, local),
  });
}
