import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityIds } from './activity-ids.js';
import { ChatLog } from './chat-log.js';
import type { ConnectorContext } from './connector-context.js';
import { Directory } from './directory.js';
import type { FakeTeams, FakeTeamsOptions, RecordedRequest } from './fake-teams.js';
import { Faults } from './faults.js';
import { DEFAULT_HOST_CONFIG_PATH } from './host-config.js';
import { inbox } from './inbox.js';
import { PersonalChats } from './personal-chats.js';
import { requestHandler } from './server.js';
import { Files } from './files.js';
import { TeamsClient } from './teams-client.js';
import { Throttle, throttleRules } from './throttle.js';

/**
 * Starts the fake on 127.0.0.1 at a free port: the Bot Connector under `fake.url` (the bot's service
 * URL) and the inbox page at `fake.url` itself.
 */
export async function startFakeTeams(options: FakeTeamsOptions = {}): Promise<FakeTeams> {
  const now = options.now ?? Date.now;
  const bot = { id: options.botId ?? '28:steady-bot', name: options.botName ?? 'Steady' };
  const directory = new Directory(options.people ?? [], options.tenantId ?? 'tenant-contoso');
  const chats = new PersonalChats(bot.id);
  // people who installed Steady before (the sandbox restarting): their chats exist, no install event
  for (const person of options.people ?? []) {
    if (person.installed === true) chats.open(directory.require(person.email)).installed = true;
  }
  const ids = new ActivityIds(now);
  const log = new ChatLog(ids, options.chatLogFile);
  const context: ConnectorContext = { directory, chats, log, now };
  const rules = throttleRules(options.rateLimits);
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const inFlight = new Set<Promise<void>>();
  let botEndpoint = options.botEndpoint;

  const server = createServer();
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const files = new Files(() => url);
  const client = new TeamsClient({
    files,
    directory,
    chats,
    log,
    ids,
    now,
    serviceUrl: url,
    bot,
    endpoint: () => botEndpoint,
  });
  server.on(
    'request',
    requestHandler({
      connector: {
        context,
        faults,
        throttle: new Throttle(now),
        rules,
        requests,
      },
      inbox: inbox({
        origin: url.replace(/\/$/, ''),
        directory,
        chats,
        log,
        client,
        hostConfigPath: options.hostConfigPath ?? DEFAULT_HOST_CONFIG_PATH,
        ...(options.clock === undefined ? {} : { clock: options.clock }),
      }),
      inFlight,
      files: (req, res) => files.handle(req, res),
    }),
  );

  const conversationIdsOf = (email: string) => {
    const chat = chats.ofEmail(directory.require(email).email);
    return new Set(chat ? [chat.id] : []);
  };
  return {
    url,
    async stop() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
    setBotEndpoint(endpoint) {
      botEndpoint = endpoint;
    },
    install: (email) => client.install(email),
    uninstall: (email) => client.uninstall(email),
    say: (email, text) => client.say(email, text),
    redeliver: (email) => client.redeliver(email),
    invoke: (email, action, replyToId) => client.invoke(email, action, replyToId),
    sendRaw: (activity, headers) => client.sendRaw(activity, headers),
    fileConsent: (email, action) => client.fileConsent(email, action),
    file: (uniqueId) => files.content(uniqueId),
    conversations: () => chats.all().map(({ id, email, tenantId }) => ({ id, email, tenantId })),
    activities: (email) => log.sent(email === undefined ? undefined : conversationIdsOf(email)),
    latestCard(email) {
      const chat = chats.ofEmail(directory.require(email).email);
      return chat ? log.latestCard(chat.id) : undefined;
    },
    failNext: (count, status, match) => faults.add(count, status, match),
    uninstalled(email) {
      const chat = chats.ofEmail(directory.require(email).email);
      if (chat) chat.installed = false;
    },
    setProfileEmail(email, profileEmail) {
      directory.require(email).profileEmail = profileEmail.toLowerCase(); // chats share the member
    },
    get requests() {
      return requests;
    },
    count429: () => requests.filter((request) => request.status === 429).length,
    async flush() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
