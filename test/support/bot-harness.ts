import type { CloudEnvironment } from '@microsoft/teams.api';
import type { FakeDirectoryUser } from '../../sandbox/fake-google/index.js';
import type { FakePerson } from '../../sandbox/fake-teams/index.js';
import { startBotSystem } from '../../sandbox/local/bot-system.js';
import type { AddressRules } from '../../shared/domain/index.js';
import { DeliveryRequest } from '../../shared/domain/index.js';
import type { IdGen } from '../../shared/ports.js';
import { runScheduler } from '../../shared/services/delivery/run-scheduler.js';
import { deliver } from '../../shared/services/delivery/deliver.js';
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
  options: {
    reports?: string[];
    secure?: boolean;
    /** With `secure`: where the SDK reads the Bot Framework's keys (a test's own). */
    cloud?: CloudEnvironment;
    allowedTenants?: string[];
    port?: number;
    /** Display names Teams gives people, instead of the usual ones. */
    names?: Record<string, string>;
    /** More people in the fake Teams (another tenant's, a profile carrying another address). */
    people?: FakePerson[];
    addressRules?: AddressRules;
    /** The fake Google directory (aliases, managers). */
    directory?: FakeDirectoryUser[];
    /** The directory's managers; by default Maria manages everyone. `{}`: a directory that knows nobody. */
    managers?: Record<string, string>;
    /** The fake Teams stamps activities with the simulated clock (and has no rate limits, as time stands still). */
    teamsOnSimulatedClock?: boolean;
    /** Ids and digests for both sides (a key rotation's test); the local mode's key by default. */
    ids?: IdGen;
  } = {},
) {
  const calendar = await calendarHarness({
    start: '2026-03-01T00:00:00Z',
    // the directory names Maria as the manager of all (a pair is a manager's 1:1 only when a trusted source says so)
    managers:
      options.managers ??
      Object.fromEntries([DEV, ANA, ...(options.reports ?? [])].map((report) => [report, MARIA])),
    ...(options.directory === undefined ? {} : { directory: options.directory }),
    ...(options.addressRules === undefined ? {} : { addressRules: options.addressRules }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
  });
  for (const report of options.reports ?? [DEV]) {
    calendar.fake.upsertEvent(MARIA, weeklyWith(report));
    calendar.fake.upsertEvent(report, weeklyWith(report));
  }
  const system = await startBotSystem(calendar, {
    tenantId: 'tenant-contoso',
    people: [
      { email: MARIA, name: options.names?.[MARIA] ?? 'Maria Lopez', timeZone: 'Europe/Berlin' },
      { email: DEV, name: options.names?.[DEV] ?? 'Dev Patel', timeZone: 'Europe/Berlin' },
      { email: ANA, name: options.names?.[ANA] ?? 'Ana Silva', timeZone: 'Europe/Berlin' },
      { email: 'eve@fabrikam.com', name: 'Eve', tenantId: 'tenant-fabrikam' },
      ...(options.people ?? []),
    ],
    ...(options.addressRules === undefined ? {} : { addressRules: options.addressRules }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.teamsOnSimulatedClock
      ? { now: () => calendar.time.clock.now().getTime(), rateLimits: false as const }
      : {}),
    ...(options.secure
      ? {
          local: false,
          bot: {
            auth: {
              kind: 'secret',
              appId: '00000000-0000-0000-0000-000000000001',
              password: 'x',
              tenantId: 'tenant-contoso',
            },
            allowedTenants: ['tenant-contoso'],
            ...(options.cloud === undefined ? {} : { cloud: options.cloud }),
          },
        }
      : { bot: { auth: { kind: 'local' }, allowedTenants: options.allowedTenants ?? ['tenant-contoso'] } }),
  });
  const { teams, bot, endpoint } = system;
  return {
    calendar,
    teams,
    bot,
    /** The root the functions get, with this bot. */
    root: system.root,
    endpoint,
    store: calendar.store,
    /** Installs Steady for each person and lets the calendar sync find their 1:1s. */
    async install(...emails: string[]) {
      for (const email of emails) await teams.install(email);
      await calendar.drainSyncs();
      calendar.time.advance(1);
    },
    /** Moves the clock to `instant`, runs the scheduler and every delivery it queued, as the functions do. */
    async at(instant: string) {
      calendar.time.set(instant);
      await runScheduler({ store: calendar.store, queue: calendar.queued.queue, clock: calendar.time.clock });
      for (let messages = calendar.queued.take('deliveries'); messages.length > 0;) {
        for (const message of messages) await deliver(bot.deps, DeliveryRequest.parse(message));
        messages = calendar.queued.take('deliveries');
      }
    },
    async stop() {
      await system.stop();
      await calendar.stop();
    },
  };
}
