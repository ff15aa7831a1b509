/**
 * The composition root: the one place (with the sandbox's own root) that chooses adapters.
 * Clients are built once per worker and reused; an adapter's SDK is loaded only when first used,
 * so a trigger that never touches the store never pays for `@azure/cosmos`.
 */
import { loadConfig, type Config } from './config.js';
import { setLogDigestKey } from './log.js';
import { waitingClock } from './adapters/clock.js';
import type { Clock, Directory, Queue, Store, WaitingClock } from './ports.js';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarDeps } from './services/calendar/deps.js';
import type { DeliveryDeps } from './services/delivery/deps.js';
import type { Bot } from '../teams-app/bot/create-bot.js';

export interface Root {
  readonly config: Config;
  readonly clock: WaitingClock;
  /** The store, opened on first use. */
  store(): Promise<Store>;
  queue(): Promise<Queue>;
  calendarDeps(): Promise<CalendarDeps>;
  /** Who manages whom and which addresses are one person (`DIRECTORY`), built on first use. */
  directory(): Promise<Directory>;
  /** The Teams bot behind `/api/messages`, built on first use. */
  bot(): Promise<Bot>;
  /** What the `deliveries` queue's service needs: the card renderer and the Messenger among the rest. */
  delivery(): Promise<DeliveryDeps>;
}

export interface RootOverrides {
  readonly clock?: Clock;
  readonly directory?: Directory;
}

export function createRoot(config: Config, overrides: RootOverrides = {}): Root {
  setLogDigestKey(config.digestKey);
  const clock = waitingClock(overrides.clock);
  const store = once(() => openStore(config.store));
  const queue = once(async () =>
    (await import('./adapters/queue/storage-queue.js')).createStorageQueue(config.queue),
  );
  const directory = once(async () => overrides.directory ?? openDirectory(config, clock));
  const calendarDeps = once(async (): Promise<CalendarDeps> => {
    const [{ createGoogleCalendar }, auth, { createCryptoIds }] = await Promise.all([
      import('./adapters/google/google-calendar.js'),
      import('./adapters/google/google-auth.js'),
      import('./adapters/crypto-ids.js'),
    ]);
    const google = config.google.auth;
    const authFor =
      google.kind === 'serviceAccount' ? auth.delegatedAuth(google) : auth.presetTokenAuth(google.token);
    return {
      store: await store(),
      queue: await queue(),
      calendar: createGoogleCalendar({ rootUrl: config.google.rootUrl, authFor }),
      clock,
      ids: createCryptoIds(config.digestKey, config.oldDigestKeys),
      directory: await directory(),
      addressRules: config.identity,
      settings: {
        ...DEFAULT_CALENDAR_SETTINGS,
        agendaLeadMinutes: config.agendaLeadMinutes,
        summaryDelayMinutes: config.summaryDelayMinutes,
        webhookUrl: config.webhookUrl,
      },
    };
  });
  const bot = once(async () => {
    const [{ createBot }, { renderCard }, { createCryptoIds }] = await Promise.all([
      import('../teams-app/bot/create-bot.js'),
      import('../teams-app/cards/render-card.js'),
      import('./adapters/crypto-ids.js'),
    ]);
    return createBot(config.bot, config.mode === 'local', {
      store: await store(),
      queue: await queue(),
      clock,
      ids: createCryptoIds(config.digestKey, config.oldDigestKeys),
      directory: await directory(),
      addressRules: config.identity,
      renderCard: (name, data) => renderCard(name as never, data as never),
    });
  });
  const delivery = async () => (await bot()).deps;
  return { config, clock, store, queue, calendarDeps, directory, bot, delivery };
}

/**
 * The directory the configuration names, behind the 12-hour cache (`cachedDirectory`). `none`
 * knows nobody: nobody's manager is known, and a Teams address is only mapped by `DOMAIN_MAP`.
 */
async function openDirectory(config: Config, clock: Clock): Promise<Directory> {
  const setting = config.directory;
  if (setting.kind === 'none') {
    const { staticDirectory } = await import('./adapters/directory/static-directory.js');
    return staticDirectory();
  }
  const [{ createGoogleDirectory }, { directoryRootUrl }, auth, { cachedDirectory }] = await Promise.all([
    import('./adapters/google/google-directory.js'),
    import('./adapters/google/directory-root-url.js'),
    import('./adapters/google/google-auth.js'),
    import('./adapters/directory/cached-directory.js'),
  ]);
  const google = config.google.auth;
  const authFor =
    google.kind === 'serviceAccount'
      ? auth.delegatedAuth(google, auth.DIRECTORY_SCOPE)
      : auth.presetTokenAuth(google.token);
  const rootUrl = directoryRootUrl(config.google.rootUrl);
  return cachedDirectory(
    createGoogleDirectory({
      ...(rootUrl === undefined ? {} : { rootUrl }),
      authFor,
      // the preset token (local mode only) acts as nobody in particular
      subject: setting.adminSubject ?? '',
    }),
    clock,
  );
}

async function openStore(config: Config['store']): Promise<Store> {
  switch (config.kind) {
    case 'sqlite': {
      const { openSqliteStore } = await import('./adapters/sqlite/sqlite-store.js');
      return openSqliteStore(config.file);
    }
    case 'cosmos': {
      const { createCosmosClient } = await import('./adapters/cosmos/cosmos-client.js');
      const { openCosmosStore } = await import('./adapters/cosmos/cosmos-store.js');
      return openCosmosStore(await createCosmosClient(config), config.database);
    }
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

let root: Root | undefined;

/** The worker's root, from the environment, built on first call. */
export const getRoot = (): Root => (root ??= createRoot(loadConfig()));

/** The sandbox's own root (its clock, its sample directory), used by the functions it hosts. */
export const setRoot = (sandboxRoot: Root): void => {
  root = sandboxRoot;
};
