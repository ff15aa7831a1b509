import { startBotSystem } from '../../sandbox/local/bot-system.js';
import { MARIA, weeklyWith } from './bot-harness.js';
import { calendarHarness } from './calendar-harness.js';

/**
 * Like `botHarness`, for a manager with many reports: Maria and each report (`r1@contoso.com`, …)
 * have a weekly 1:1 and have installed Steady. Each person has their own chat, so a test that sends
 * hundreds of messages spreads them over many conversations and stays under Teams' per-chat limit
 * (60 in 30 s) instead of waiting for it.
 */
export async function teamHarness(reportCount: number) {
  const reports = Array.from({ length: reportCount }, (_, i) => `r${i + 1}@contoso.com`);
  const calendar = await calendarHarness({
    start: '2026-03-01T00:00:00Z',
    managers: Object.fromEntries(reports.map((report) => [report, MARIA])),
  });
  for (const report of reports) {
    calendar.fake.upsertEvent(MARIA, weeklyWith(report));
    calendar.fake.upsertEvent(report, weeklyWith(report));
  }
  const system = await startBotSystem(calendar, {
    tenantId: 'tenant-contoso',
    people: [
      { email: MARIA, name: 'Maria Lopez', timeZone: 'Europe/Berlin' },
      ...reports.map((email, i) => ({ email, name: `Report ${i + 1}`, timeZone: 'Europe/Berlin' })),
    ],
  });
  for (const email of [MARIA, ...reports]) await system.teams.install(email);
  await calendar.drainSyncs();
  calendar.time.advance(1);
  return {
    reports,
    teams: system.teams,
    store: calendar.store,
    async stop() {
      await system.stop();
      await calendar.stop();
    },
  };
}
