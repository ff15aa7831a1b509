import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cryptoIds } from '../../shared/adapters/crypto-ids.js';
import { createBot } from '../../teams-app/bot/create-bot.js';
import { renderCard } from '../../teams-app/cards/render-card.js';
import { startFakeTeams } from '../../sandbox/fake-teams/index.js';
import { calendarHarness } from './calendar-harness.js';

export const MARIA = 'maria@contoso.com';
export const DEV = 'dev@contoso.com';
export const ANA = 'ana@contoso.com';

const person = (email: string) => ({ email, responseStatus: 'accepted' });

/** A weekly 1:1 organised by Maria, Tuesdays 09:00 Berlin. */
export const weeklyWith = (report: string, id = `weekly-${report.split('@')[0] ?? ''}`) => ({
  id,
  iCalUID: `${id}@google.com`,
  summary: `Maria / ${report}`,
  start: { dateTime: '2026-03-03T09:00:00+01:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2026-03-03T09:30:00+01:00', timeZone: 'Europe/Berlin' },
  recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
  organizer: { email: MARIA },
  attendees: [person(MARIA), person(report)],
});

/**
 * Steady's bot as in Azure, in local mode: the real Teams SDK app behind an HTTP `/api/messages`,
 * the fake Teams calling it and receiving its messages, and the calendar side (fake Google, store,
 * queue, clock) from the calendar harness, so pairs come from real calendar sync.
 */
export async function botHarness(
  options: { reports?: string[]; secure?: boolean; allowedTenants?: string[]; port?: number } = {},
) {
  const calendar = await calendarHarness({ start: '2026-03-01T00:00:00Z' });
  for (const report of options.reports ?? [DEV]) {
    calendar.fake.upsertEvent(MARIA, weeklyWith(report));
    calendar.fake.upsertEvent(report, weeklyWith(report));
  }
  const teams = await startFakeTeams({
    tenantId: 'tenant-contoso',
    people: [
      { email: MARIA, name: 'Maria Lopez', timeZone: 'Europe/Berlin' },
      { email: DEV, name: 'Dev Patel', timeZone: 'Europe/Berlin' },
      { email: ANA, name: 'Ana Silva', timeZone: 'Europe/Berlin' },
      { email: 'eve@fabrikam.com', name: 'Eve', tenantId: 'tenant-fabrikam' },
    ],
  });
  const bot = await createBot(
    options.secure
      ? {
          auth: {
            kind: 'secret',
            appId: '00000000-0000-0000-0000-000000000001',
            password: 'x',
            tenantId: 'tenant-contoso',
          },
          allowedTenants: ['tenant-contoso'],
        }
      : { auth: { kind: 'local' }, allowedTenants: options.allowedTenants ?? ['tenant-contoso'] },
    !options.secure,
    {
      store: calendar.store,
      queue: calendar.queued.queue,
      clock: calendar.time.clock,
      ids: cryptoIds,
      renderCard: (name, data) => renderCard(name as never, data as never),
    },
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
    calendar,
    teams,
    bot,
    endpoint,
    store: calendar.store,
    /** Installs Steady for each person and lets the calendar sync find their 1:1s. */
    async install(...emails: string[]) {
      for (const email of emails) await teams.install(email);
      await calendar.drainSyncs();
      calendar.time.advance(1);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await teams.stop();
      await calendar.stop();
    },
  };
}
