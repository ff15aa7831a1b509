/**
 * `npm start` with no credentials: the whole of Steady on this machine with no account. Azurite (queues, under the data
 * folder), the SQLite store, the fake Google Calendar with the sample organisation, the fake Teams
 * with its inbox page, and the functions dev host on :7071 running the real `functions/index.ts`.
 * Open the printed URL; its header moves the clock. Ctrl-C stops everything; a restart keeps the data.
 */
import { startDevHost } from './dev-host/index.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCAL_TENANT, loadConfig, type Config } from '../shared/config.js';
import { createRoot, setRoot } from '../app/root.js';
import { startAzuriteQueue } from './azurite-queue.js';
import { startFakeGoogleCalendar } from './fake-google/index.js';
import { startFakeTeams } from './fake-teams/index.js';
import {
  PEOPLE,
  SAMPLE_DIRECTORY,
  liCancellations,
  sampleCalendars,
  weekAnchor,
  type Cancellation,
} from './sample-org.js';
import { stopOnSignals } from './stop-on-signals.js';

export async function startLocal(base: Config): Promise<void> {
  const { hostPort, inboxPort } = base.sandbox;
  const dataDir = base.store.kind === 'sqlite' ? base.store.file.replace(/\/[^/]+$/, '') : '.steady';
  mkdirSync(dataDir, { recursive: true });
  const stateFile = `${dataDir}/sandbox.json`;
  const firstRun = !existsSync(stateFile);
  const state: { anchor: string; offsetMinutes: number; cancelled?: Cancellation[] } = firstRun
    ? { anchor: weekAnchor(new Date()).toISOString(), offsetMinutes: 0 }
    : (JSON.parse(readFileSync(stateFile, 'utf8')) as { anchor: string; offsetMinutes: number });
  const save = () => writeFileSync(stateFile, JSON.stringify(state, null, 2));
  save();

  // The sandbox's clock: the real one, moved on by the inbox page's buttons.
  const clock = { now: () => new Date(Date.now() + state.offsetMinutes * 60_000) };

  const azurite = await startAzuriteQueue(`${dataDir}/azurite`);
  const google = await startFakeGoogleCalendar({ now: clock.now, directory: SAMPLE_DIRECTORY });
  const seed = sampleCalendars(new Date(state.anchor));
  for (const { calendarId, event } of seed.events) google.upsertEvent(calendarId, event);
  const cancel = (c: Cancellation) => google.cancelOccurrence(c.calendarId, c.masterId, c.originalStart);
  // Li's next two, cancelled after the first start (below): on a restart, as they were
  for (const c of [...seed.cancellations, ...(state.cancelled ?? [])]) cancel(c);

  const host = await startDevHost({
    entry: fileURLToPath(new URL('../functions/index.js', import.meta.url)),
    hostJsonPath: fileURLToPath(new URL('../../host.json', import.meta.url)),
    port: hostPort,
    storageConnectionString: azurite.connectionString,
    now: clock.now,
    timers: 'schedule',
    log: () => undefined,
  });
  // The functions read their root when they run; until it is set, they fail and are retried.
  const config = loadConfig(undefined, {
    STEADY_MODE: 'local',
    GOOGLE_ROOT_URL: google.url + '/',
    CALENDAR_WEBHOOK_URL: `${host.url}/api/calendar/webhook`,
    AzureWebJobsStorage: azurite.connectionString,
    // managers come from the fake Google directory, through the app's own Google directory adapter
    DIRECTORY: 'google',
  });
  setRoot(createRoot(config, { clock }));

  const teams = await startFakeTeams({
    port: inboxPort,
    tenantId: LOCAL_TENANT,
    people: PEOPLE.map((p) => ({ ...p, installed: !firstRun })),
    chatLogFile: `${dataDir}/teams-chats.jsonl`,
    clock: {
      now: clock.now,
      // An hour at a time, so every agenda, summary and alert of the skipped time goes out in order.
      advance: async (minutes) => {
        for (let done = 0; done < minutes; done += 60) {
          state.offsetMinutes += Math.min(60, minutes - done);
          await host.runTimer('scheduler');
          if ((done / 60) % 6 === 0) await host.runTimer('calendarChannels');
          await host.drainQueues();
        }
        save();
      },
    },
  });
  teams.setBotEndpoint(`${host.url}/api/messages`);
  if (firstRun) for (const person of PEOPLE) await teams.install(person.email);
  if (firstRun) {
    // Maria cancels her next two 1:1s with Li, as a user would, once Steady follows the calendars: the
    // cadence alert reaches her within seconds, through Google's push notification and a sync.
    await host.drainQueues();
    state.cancelled = liCancellations(new Date(state.anchor), clock.now());
    save();
    for (const c of state.cancelled) cancel(c);
    await google.flushNotifications(); // the push notifications reach the webhook, which queues a sync
    await host.drainQueues();
  }

  console.log(
    [
      'Steady is running locally (no account, no configuration).',
      '',
      `  open ${teams.url}   the people's Teams chats; the header moves the clock (+1 hour, day, week)`,
      '',
      `  functions  ${host.url}/api/… (${host.functions.map((f) => f.name).join(', ')})`,
      `  store      SQLite at ${base.store.kind === 'sqlite' ? base.store.file : ''}; queues in Azurite under ${dataDir}/azurite`,
      `  google     fake Google Calendar at ${google.url} (Maria manages Dev, Ana and Li)`,
      firstRun
        ? '  first run: everyone installed Steady; their calendars are being read'
        : '  restarted: data kept',
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );

  stopOnSignals(async () => {
    await host.stop();
    await teams.stop();
    await google.stop();
    await azurite.stop();
    save();
  });
}
