import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { addMinutes, utc } from '../../shared/domain/index.js';
import { startAzuriteQueue } from '../../sandbox/azurite-queue.js';
import { startFakeGoogleCalendar } from '../../sandbox/fake-google/index.js';
import { startFakeTeams } from '../../sandbox/fake-teams/index.js';
import { calendar } from '../../test/fixtures/docs.js';
import { person, seedPair, TENANT } from '../support/org.js';
import type { Input } from './invoke.js';

/**
 * What each trigger's first invocation meets, as in a local run of Steady: Azurite's queues, the fake
 * Google Calendar, the fake Teams, and a SQLite store holding one pair (a manager and a report who
 * installed Steady), their calendar, and an agenda due now. On the real clock: the functions read it.
 */
export async function startScene(dir: string) {
  const manager = person('manager', 0);
  const report = person('report', 0);
  const azurite = await startAzuriteQueue();
  const google = await startFakeGoogleCalendar();
  const recorder = await startRecorder();
  const teams = await startFakeTeams({
    tenantId: TENANT,
    botEndpoint: `${recorder.url}/api/messages`,
    people: [manager, report].map((p) => ({ ...p, installed: true })),
  });

  // The agenda of tomorrow's 1:1 is due now; last week's is long sent.
  const next = utc(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1439 * 60_000));
  const previous = addMinutes(next, -7 * 1440);
  google.upsertEvent(manager.email, {
    id: 'weekly-member0',
    summary: 'Lead 0 / Member 0',
    start: { dateTime: previous, timeZone: 'UTC' },
    end: { dateTime: addMinutes(previous, 30), timeZone: 'UTC' },
    recurrence: ['RRULE:FREQ=WEEKLY'],
    organizer: { email: manager.email },
    attendees: [manager, report].map((p) => ({ email: p.email, responseStatus: 'accepted' })),
  });
  const chats = new Map(teams.conversations().map((c) => [c.email, c.id]));
  const seedFile = join(dir, 'seed.db');
  const store = openSqliteStore(seedFile);
  const { pair, occurrences } = await seedPair(store, manager, report, [previous, next], (p) => ({
    conversationId: chats.get(p.email) ?? '',
    serviceUrl: teams.url,
  }));
  await store.calendars.upsert(calendar(manager.email, { ownerUserIds: [manager.userId] }));
  await store.close();

  // A chat message as Teams posts it to the bot: captured from the fake Teams.
  await teams.say(report.email, 'help');
  const activity = recorder.last();
  const agenda = {
    kind: 'agenda',
    pairId: pair.pairId,
    occurrenceId: occurrences[1]?.id ?? '',
    recipientEmail: report.email,
  };
  const inputs: Record<string, Input> = {
    health: { kind: 'http', method: 'GET', headers: {} },
    calendarWebhook: {
      kind: 'http',
      method: 'POST',
      headers: {
        'x-goog-channel-id': 'a-channel-steady-does-not-know',
        'x-goog-channel-token': 'token',
        'x-goog-resource-state': 'exists',
        'x-goog-resource-id': 'resource',
        'x-goog-resource-uri': `https://www.googleapis.com/calendar/v3/calendars/${manager.email}/events`,
      },
    },
    scheduler: { kind: 'timer' },
    calendarChannels: { kind: 'timer' },
    calendarSync: {
      kind: 'queue',
      message: { calendarId: manager.email, reason: 'start', notifiedAt: new Date().toISOString() },
    },
    deliver: { kind: 'queue', message: agenda },
    deliveriesPoison: { kind: 'queue', message: agenda },
    messages: { kind: 'http', method: 'POST', headers: activity.headers, body: activity.body },
  };
  return {
    inputs,
    seedFile,
    env: {
      STEADY_MODE: 'local',
      GOOGLE_ROOT_URL: `${google.url}/`,
      CALENDAR_WEBHOOK_URL: `${recorder.url}/api/calendar/webhook`,
      AzureWebJobsStorage: azurite.connectionString,
    },
    async stop() {
      await teams.stop();
      await google.stop();
      await recorder.stop();
      await azurite.stop();
    },
  };
}

/** Answers 200 to every request and keeps the last one (the activity the fake Teams posts). */
async function startRecorder() {
  let last: { headers: Record<string, string>; body: string } | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) =>
          typeof v === 'string' && k !== 'host' && k !== 'content-length' ? [[k, v]] : [],
        ),
      );
      last = { headers, body: Buffer.concat(chunks).toString('utf8') };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    last() {
      if (last === undefined) throw new Error('the fake Teams posted nothing');
      return last;
    },
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
