import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AddressRules } from '../../shared/domain/index.js';
import type { Messenger } from '../../shared/ports.js';
import { createRoot } from '../../app/root.js';
import { loadConfig } from '../../shared/config.js';
import type { BotConfig } from '../../teams-app/bot/create-bot.js';
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
  const config = loadConfig({ STEADY_MODE: 'local' });
  // the calendar side's parts: one store, queue, clock, key and directory for both, as in Azure
  const root = createRoot(
    {
      ...config,
      mode: (options.local ?? true) ? 'local' : 'azure',
      identity: options.addressRules ?? { domainMap: {} },
    },
    {
      ...calendar.parts,
      bot: options.bot ?? { auth: { kind: 'local' }, allowedTenants: [options.tenantId] },
      ...(options.wrapMessenger === undefined ? {} : { wrapMessenger: options.wrapMessenger }),
    },
  );
  const bot = await root.bot();
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
    /** The root the functions get: the calendar's parts, with this bot, its Messenger and the card renderer. */
    root,
    endpoint,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await teams.stop();
    },
  };
}
