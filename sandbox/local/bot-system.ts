import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AddressRules } from '../../shared/domain/index.js';
import type { Messenger } from '../../shared/ports.js';
import { createBot, type BotConfig } from '../../teams-app/bot/create-bot.js';
import { renderCard } from '../../teams-app/cards/render-card.js';
import { startFakeTeams, type FakePerson, type FakeRateLimits } from '../fake-teams/index.js';
import type { calendarHarness } from './calendar-system.js';

type CalendarSystem = Awaited<ReturnType<typeof calendarHarness>>;

/**
 * Steady's bot in this process, on top of a calendar system: the real Teams SDK app behind an HTTP
 * `/api/messages`, with the fake Teams calling it and receiving what it sends.
 */
export async function startBotSystem(
  calendar: CalendarSystem,
  options: {
    people: FakePerson[];
    tenantId: string;
    bot?: BotConfig;
    local?: boolean;
    port?: number;
    rateLimits?: FakeRateLimits | false;
    now?: () => number;
    wrapMessenger?: (messenger: Messenger) => Messenger;
    /** `DOMAIN_MAP` and `TENANT_DOMAINS`; none by default. */
    addressRules?: AddressRules;
  },
) {
  const teams = await startFakeTeams({
    tenantId: options.tenantId,
    people: options.people,
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const bot = await createBot(
    options.bot ?? { auth: { kind: 'local' }, allowedTenants: [options.tenantId] },
    options.local ?? true,
    {
      store: calendar.store,
      queue: calendar.queued.queue,
      clock: calendar.time.clock,
      ids: calendar.deps.ids, // one key for both sides, as the composition root builds them
      // the calendar side's directory: one fake Google directory answers both, as in Azure
      directory: calendar.deps.directory,
      addressRules: options.addressRules ?? { domainMap: {} },
      renderCard: (name, data) => renderCard(name as never, data as never),
    },
    options.wrapMessenger,
  );
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      );
      bot.handle({ body, headers }).then(
        (response) => {
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(response.body === undefined ? '' : JSON.stringify(response.body));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  teams.setBotEndpoint(endpoint);
  return {
    teams,
    bot,
    endpoint,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await teams.stop();
    },
  };
}
