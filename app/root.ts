/**
 * The composition root: the one place that chooses adapters and builds the services, the Messenger
 * and the bot from them. The worker builds it from the environment (`getRoot`); the sandbox, the tests
 * and the benchmarks build it with their overrides (their clock, store, fakes). Clients are built once
 * per root and reused; an adapter's SDK is loaded only when first used, so a trigger that never touches
 * the store never pays for `@azure/cosmos`.
 */
import type { AddressRules } from '../shared/domain/index.js';
import { loadConfig, type Config } from '../shared/config.js';
import { setLogDigestKey } from '../shared/log.js';
import type {
  Calendar,
  Clock,
  Directory,
  IdGen,
  Messenger,
  Queue,
  Store,
  WaitingClock,
} from '../shared/ports.js';
import {
  DEFAULT_CALENDAR_SETTINGS,
  type CalendarDeps,
  type CalendarSettings,
} from '../shared/services/calendar/deps.js';
import type { DeliveryDeps } from '../shared/services/delivery/deps.js';
import type { Bot, BotConfig } from '../teams-app/bot/create-bot.js';
import { waitingClock } from '../shared/adapters/clock.js';
import { openDirectory, openStore } from './adapters.js';

export interface Root {
  readonly config: Config;
  readonly clock: WaitingClock;
  /** The store, opened on first use. */
  store(): Promise<Store>;
  queue(): Promise<Queue>;
  calendarDeps(): Promise<CalendarDeps>;
  /** Who manages whom and which addresses are one person (`DIRECTORY`), built on first use. */
  directory(): Promise<Directory>;
  /** Teams, through the Bot Connector, with the bot's credentials; built with the bot. */
  messenger(): Promise<Messenger>;
  /** The Teams bot behind `/api/messages`, built on first use. */
  bot(): Promise<Bot>;
  /** What the `deliveries` queue's service needs: the card renderer and the Messenger among the rest. */
  delivery(): Promise<DeliveryDeps>;
}

/** What a sandbox, a test or a benchmark puts in place of what the configuration would choose. */
export interface RootOverrides {
  readonly clock?: Clock;
  readonly directory?: Directory;
  readonly store?: Store;
  readonly queue?: Queue;
  readonly ids?: IdGen;
  readonly calendar?: Calendar;
  readonly calendarSettings?: Partial<CalendarSettings>;
  /** The calendar side's `DOMAIN_MAP` when it differs from the configuration's (`config.identity`). */
  readonly calendarAddressRules?: AddressRules;
  /** The bot's settings plus what only a test sets (`cloud`: a test's own Bot Framework keys). */
  readonly bot?: BotConfig;
  /** A Messenger instead of the bot's own (a benchmark's, with its own limits): nothing else of Teams is built. */
  readonly messenger?: Messenger;
  /** Wraps the bot's Messenger (the sandbox records what is sent for its transcript). */
  readonly wrapMessenger?: (messenger: Messenger) => Messenger;
}

export function createRoot(config: Config, overrides: RootOverrides = {}): Root {
  setLogDigestKey(config.digestKey);
  const local = config.mode === 'local';
  const clock = waitingClock(overrides.clock);
  const store = once(async () => overrides.store ?? openStore(config.store));
  const queue = once(
    async () =>
      overrides.queue ??
      (await import('../shared/adapters/queue/storage-queue.js')).createStorageQueue(config.queue),
  );
  const directory = once(async () => overrides.directory ?? openDirectory(config, clock));
  const ids = once(
    async () =>
      overrides.ids ??
      (await import('../shared/adapters/crypto-ids.js')).createCryptoIds(
        config.digestKey,
        config.oldDigestKeys,
      ),
  );
  const calendarDeps = once(async (): Promise<CalendarDeps> => {
    return {
      store: await store(),
      queue: await queue(),
      calendar: overrides.calendar ?? (await openCalendar(config)),
      clock,
      ids: await ids(),
      directory: await directory(),
      addressRules: overrides.calendarAddressRules ?? config.identity,
      settings: {
        ...DEFAULT_CALENDAR_SETTINGS,
        agendaLeadMinutes: config.agendaLeadMinutes,
        summaryDelayMinutes: config.summaryDelayMinutes,
        webhookUrl: config.webhookUrl,
        ...overrides.calendarSettings,
      },
    };
  });
  const teams = once(() => import('./teams.js'));
  const cards = once(async () => (await teams()).cardsOf(await store()));
  const bot = once(async () => {
    // the modules, the card renderer and the clients at once: the first message waits for the slowest
    const [{ botOf }, built, opened, queued, keys, people] = await Promise.all([
      teams(),
      cards(),
      store(),
      queue(),
      ids(),
      directory(),
    ]);
    return botOf(
      overrides.bot ?? config.bot,
      local,
      { store: opened, queue: queued, ids: keys, directory: people, clock, addressRules: config.identity },
      built,
      {
        ...(overrides.messenger === undefined ? {} : { override: overrides.messenger }),
        ...(overrides.wrapMessenger === undefined ? {} : { wrap: overrides.wrapMessenger }),
      },
    );
  });
  const messenger = once(async () => overrides.messenger ?? (await bot()).deps.messenger);
  const delivery = once(async (): Promise<DeliveryDeps> => {
    const [opened, sender, built, people] = await Promise.all([store(), messenger(), cards(), directory()]);
    return {
      store: opened,
      clock,
      messenger: sender,
      cards: built.renderer,
      directory: people,
      addressRules: config.identity,
    };
  });
  return { config, clock, store, queue, calendarDeps, directory, messenger, bot, delivery };
}

/** Google Calendar, read as each user (domain-wide delegation) or with the local mode's preset token. */
async function openCalendar(config: Config): Promise<Calendar> {
  const [{ createGoogleCalendar }, auth] = await Promise.all([
    import('../shared/adapters/google/google-calendar.js'),
    import('../shared/adapters/google/google-auth.js'),
  ]);
  const google = config.google.auth;
  const authFor =
    google.kind === 'serviceAccount' ? auth.delegatedAuth(google) : auth.presetTokenAuth(google.token);
  return createGoogleCalendar({ rootUrl: config.google.rootUrl, authFor });
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
