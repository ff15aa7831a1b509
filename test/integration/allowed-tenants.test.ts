import { afterEach, expect, it } from 'vitest';
import { deliveryIdOf, pairIdOf } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { saveUser, userByEmail } from '../../shared/services/people.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';

let h: Awaited<ReturnType<typeof botHarness>>;
afterEach(async () => h.stop());
const PAIR = pairIdOf(MARIA, DEV);

/** Moves `email`'s stored tenant, as if their organisation were taken off (or put back on) the list. */
async function moveTenant(email: string, tenantId: string) {
  const user = (await userByEmail(h.store, email))!;
  await saveUser(h.store, { ...user, tenantId });
}
const agendasTo = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send' && JSON.stringify(a.attachments ?? '').includes('Your 1:1 agenda'));

it('sends nothing on its own to a person whose tenant is not on ALLOWED_TENANTS, and never retries it', async () => {
  h = await botHarness({ allowedTenants: ['tenant-contoso'] });
  await h.install(MARIA, DEV);
  await moveTenant(DEV, 'tenant-removed');

  await h.at('2026-03-02T08:01:00Z'); // the agendas of Tue 3 Mar
  expect(agendasTo(MARIA)).toHaveLength(1);
  expect(agendasTo(DEV)).toEqual([]);
  const [third] = await pairOccurrences(h.store, PAIR);
  const dev = (await userByEmail(h.store, DEV))!;
  const record = await h.store.pairs.get(PAIR, deliveryIdOf('agenda', third!.id, dev.userId));
  expect(record?.doc).toMatchObject({ type: 'delivery', state: 'unreachable' }); // not retried
  expect(h.calendar.queued.take('deliveries')).toEqual([]);
  expect(dev.reachable).toBe(true); // the app is not gone: a tenant put back gets the next ones

  // Maria's topic updates her own card; nothing is sent to Dev.
  const devBefore = h.teams.activities(DEV).length;
  await h.teams.say(MARIA, 'add Hiring plan');
  expect(h.teams.activities(DEV)).toHaveLength(devBefore);

  await moveTenant(DEV, 'tenant-contoso');
  await h.at('2026-03-09T08:01:00Z'); // the agendas of Tue 10 Mar
  expect(agendasTo(DEV)).toHaveLength(1);
});
