import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { cards, cardsWith, choose, say } from '../support/inbox-page.js';
import { killStarted, start, stopped } from '../support/sandbox-process.js';

// During a 1:1, in `npm start`'s fake Teams inbox, in headless Chromium: Maria runs three 1:1s, and what
// she types during the one with Dev goes to it with no "Which 1:1?", and into its summary alone.

const folder = mkdtempSync(join(tmpdir(), 'steady-meeting-'));
const MARIA = 'maria@contoso.com';
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  killStarted();
  rmSync(folder, { recursive: true, force: true });
});

/** The weekday and time of `instant` in Berlin, as "Tue 10:10". */
const berlin = (instant: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(',', '');

/** Minutes from `now` to the next Tuesday 10:10 in Berlin: ten minutes into Dev's weekly 1:1 (sandbox/sample-org.ts). */
function minutesToDevsMeeting(now: number): number {
  const from = Math.ceil(now / 60_000);
  for (let minute = from + 1; minute < from + 8 * 24 * 60; minute++)
    if (berlin(minute * 60_000) === 'Tue 10:10') return minute - Math.floor(now / 60_000);
  throw new Error('no Tuesday 10:10 in the next eight days');
}

const advance = async (inbox: string, minutes: number) => {
  const moved = await fetch(`${inbox}/inbox/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes }),
  });
  expect(moved.status).toBe(200);
};

it('in the inbox, during her 1:1 with Dev, Maria’s notes and action items, typed or from the card, go to it unasked, and into its summary alone', async () => {
  const sandbox = await start(join(folder, 'data'));
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(15_000);
  await page.goto(`${sandbox.inbox}/`);
  await page.locator('#clockbar').waitFor();

  const view = (await (await fetch(`${sandbox.inbox}/inbox/api/chats`)).json()) as { clock: string };
  await advance(sandbox.inbox, minutesToDevsMeeting(Date.parse(view.clock)));
  await choose(page, MARIA);
  const lines = page.locator('#lines li');

  await say(page, 'note Agreed to split the billing work');
  await lines.filter({ hasText: 'Note saved on your 1:1 with Dev Patel' }).waitFor();
  await say(page, 'action @dev Draft the billing split');
  await lines.filter({ hasText: 'Action item on your 1:1 with Dev Patel' }).waitFor();
  expect(await cards(page).filter({ hasText: 'Which 1:1?' }).count()).toBe(0);

  // the same from her agenda of the 1:1 with Dev: a note, and an action item for Dev
  const agenda = cardsWith(page, 'Dev Patel').filter({ hasText: 'Agenda' }).last();
  // the sample's event has a Meet call: Join opens it (answered here, as there is no internet)
  await page.context().route('https://meet.google.com/**', (route) => route.fulfill({ body: 'the call' }));
  const [call] = await Promise.all([
    page.context().waitForEvent('page'),
    agenda.getByRole('link', { name: 'Join' }).click(),
  ]);
  await call.waitForLoadState();
  expect(call.url()).toBe('https://meet.google.com/dvp-mrlz-tue');
  await call.close();
  await agenda.getByLabel('Add a note').fill('Dev leads the invoice rework');
  await agenda.getByRole('button', { name: 'Save note' }).click();
  await cardsWith(page, 'Dev Patel').filter({ hasText: 'Notes so far: 2 shared' }).waitFor();
  const counted = cardsWith(page, 'Dev Patel').filter({ hasText: 'Notes so far: 2 shared' }).last();
  await counted.getByLabel('Add an action item').fill('Pair with Dev on the first invoice');
  await counted.getByRole('radio', { name: 'The other person' }).check();
  await counted.getByRole('button', { name: 'Add action item' }).click();
  await cardsWith(page, 'Dev Patel')
    .filter({ hasText: 'Pair with Dev on the first invoice' })
    .first()
    .waitFor();

  // an hour on: the 1:1 (10:00–10:30) is over and its summary (15 minutes after) is out
  await advance(sandbox.inbox, 60);
  const summary = cardsWith(page, 'Dev Patel').filter({ hasText: 'Summary' }).last();
  await summary.waitFor();
  const text = await summary.innerText();
  expect(text).toContain('Agreed to split the billing work');
  expect(text).toContain('Draft the billing split');
  expect(text).toContain('Dev leads the invoice rework');
  expect(text).toContain('Pair with Dev on the first invoice');
  for (const name of ['Ana Silva', 'Li Wei'])
    expect(
      await cardsWith(page, name)
        .filter({ hasText: /billing|invoice/ })
        .count(),
    ).toBe(0);

  // between 1:1s she is asked, as before
  await say(page, 'note Between meetings');
  await cards(page).filter({ hasText: 'Which 1:1?' }).last().waitFor();

  await browser.close();
  browser = undefined;
  await stopped(sandbox.child);
}, 120_000);
