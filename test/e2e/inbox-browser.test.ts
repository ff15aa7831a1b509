import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, expect, it } from 'vitest';
import { agendaAhead, cardsWith, choose, screenshotAt } from '../support/inbox-page.js';
import { killStarted, start, stopped } from '../support/sandbox-process.js';
import { screenshotFolder } from '../support/screenshots.js';

// The whole local run in a browser: `npm start`, the fake Teams inbox in Debian's headless Chromium, the
// clock moved to Dev's next agenda, a topic added from the card as Dev, and Maria's card updated in place.
// `npm run screenshots` keeps its screenshots as the README's.

const screenshots = screenshotFolder();
const folder = mkdtempSync(join(tmpdir(), 'steady-inbox-'));
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  killStarted();
  rmSync(folder, { recursive: true, force: true });
});

/** Scrolls the chat so the card's message starts at the top, then screenshots the page. */
const screenshot = (page: Page, card: Locator, file: string) =>
  screenshotAt(page, card, join(screenshots, file));

it('in the inbox, Dev adds a topic from the agenda card in the browser and Maria sees her card update', async () => {
  const sandbox = await start(join(folder, 'data'));
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(15_000);
  await page.goto(`${sandbox.inbox}/`);
  await page.locator('#clockbar').waitFor(); // visible once the first refresh brought the clock
  await choose(page, 'dev@contoso.com');

  // A day at a time until Dev's next agenda is out: his 1:1 is weekly, so one comes within a week.
  const devCards = cardsWith(page, 'Maria Lopez');
  const day = page.locator('#clockbar button[data-minutes="1440"]');
  for (let presses = 0; !(await agendaAhead(sandbox.inbox, 'dev@contoso.com')); presses++) {
    expect(presses, 'no agenda ahead for Dev after 8 days').toBeLessThan(8);
    await day.click();
    await page.locator('#clockbar button[data-minutes="1440"]:enabled').waitFor(); // the clock moved, all delivered
  }
  // The page shows it at its next refresh: the latest card for the 1:1 is an agenda with "Add topic".
  const card = devCards.last();
  const addTopic = card.getByRole('button', { name: 'Add topic' });
  await addTopic.waitFor();

  // As Dev: type a topic into the agenda card and press its "Add topic".
  const topic = 'Moving to the platform team next quarter';
  await card.getByLabel('Add a topic').fill(topic);
  await addTopic.click();
  const updated = devCards.filter({ hasText: topic });
  await updated.waitFor().catch(async (error: unknown) => {
    throw new Error(
      `Dev's card did not show the topic; notice: ${await page.locator('#notice').innerText()}`,
      {
        cause: error,
      },
    );
  });
  await screenshot(page, updated, 'inbox-report.png');

  // As Maria: her agenda for the 1:1 with Dev shows Dev's topic, in the same message (edited).
  await choose(page, 'maria@contoso.com');
  const maria = cardsWith(page, 'Dev Patel').filter({ hasText: topic });
  await maria.waitFor({ timeout: 10_000 });
  expect(await maria.count()).toBe(1);
  expect(await maria.locator('xpath=ancestor::li[1]').locator('.when').innerText()).toContain('(edited)');
  await screenshot(page, maria, 'inbox-manager.png');

  await browser.close();
  browser = undefined;
  await stopped(sandbox.child);
}, 150_000);
