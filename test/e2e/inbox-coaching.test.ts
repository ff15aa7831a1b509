import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, expect, it } from 'vitest';
import {
  agendaAhead,
  cards,
  cardsWith,
  choose,
  pressMore,
  say,
  screenshotAt,
} from '../support/inbox-page.js';
import { killStarted, start, stopped } from '../support/sandbox-process.js';
import { screenshotFolder } from '../support/screenshots.js';

// Feedback and the growth plan in `npm start`'s fake Teams inbox, in headless Chromium, as people use
// them: typed commands, cards filled in and pressed. Maria shares feedback with Dev, which edits Dev's
// agenda in place; Dev saves a growth goal, which edits Maria's. `npm run screenshots` keeps its
// screenshots as the README's.

const screenshots = screenshotFolder();
const folder = mkdtempSync(join(tmpdir(), 'steady-coaching-'));
const MARIA = 'maria@contoso.com';
const DEV = 'dev@contoso.com';
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  killStarted();
  rmSync(folder, { recursive: true, force: true });
});

/** The edited-in-place mark of the message holding `card`. */
const when = (card: Locator) => card.locator('xpath=ancestor::li[1]').locator('.when').innerText();

/** Waits for `locator`, failing with the inbox's notice (the bot's answer, or an error) when it never comes. */
const shows = async (page: Page, locator: Locator, what: string) =>
  locator.waitFor().catch(async (error: unknown) => {
    throw new Error(`${what} never showed; notice: ${await page.locator('#notice').innerText()}`, {
      cause: error,
    });
  });

it('in the inbox, Maria shares feedback that edits Dev’s agenda, Dev’s growth goal edits Maria’s, and a career conversation she plans is on the next agenda', async () => {
  const sandbox = await start(join(folder, 'data'));
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(15_000);
  await page.goto(`${sandbox.inbox}/`);
  await page.locator('#clockbar').waitFor();

  // A day at a time until the agendas of Dev's next 1:1 are out: it is weekly, so within a week.
  const day = page.locator('#clockbar button[data-minutes="1440"]');
  for (let presses = 0; !(await agendaAhead(sandbox.inbox, DEV)); presses++) {
    expect(presses, 'no agenda ahead for Dev after 8 days').toBeLessThan(8);
    await day.click();
    await page.locator('#clockbar button[data-minutes="1440"]:enabled').waitFor();
  }

  // As Maria: `feedback`; she runs three 1:1s, so Steady asks which, and the card takes the question's place.
  await choose(page, MARIA);
  await say(page, 'feedback');
  const which = cards(page).filter({ hasText: 'Which 1:1?' }).last();
  await shows(page, which, 'the "Which 1:1?" card');
  await which.getByRole('button', { name: '1:1 with Dev Patel' }).click();
  const form = cards(page).filter({ hasText: 'For Dev Patel' }).last();
  await shows(page, form, 'the feedback card for Dev');
  const behavior = 'You walked the team through the billing migration trade-offs';
  const request = 'Keep bringing a one-page summary to design reviews';
  await form.getByLabel(/^Behavior/).fill(behavior);
  await form.getByLabel(/^Request/).fill(request);
  await form.getByRole('button', { name: 'Share' }).click();
  await page.locator('#notice', { hasText: 'Shared with Dev Patel' }).waitFor();

  // As Dev: the agenda already in his chat now shows Maria's feedback, in the same message (edited).
  await choose(page, DEV);
  const devAgenda = cardsWith(page, 'Maria Lopez').filter({ hasText: behavior });
  await shows(page, devAgenda, "Maria's feedback on Dev's agenda");
  expect(await devAgenda.count()).toBe(1);
  await expect(devAgenda.innerText()).resolves.toContain(request);
  expect(await when(devAgenda)).toContain('(edited)');
  await expect(devAgenda.innerText()).resolves.not.toContain('Coaching tip');

  // Dev types `growth` (one 1:1: no question), writes the goal and presses Save.
  await say(page, 'growth');
  const plan = cards(page).filter({ hasText: 'A map, not a form' }).last();
  await shows(page, plan, 'the growth plan card');
  const goal = 'Run the payments on-call rotation on my own';
  await plan.getByLabel(/^Goal/).fill(goal);
  await plan.getByRole('button', { name: 'Save' }).click();
  await shows(page, cards(page).filter({ hasText: 'Saved. Last edited by Dev Patel' }), 'the saved plan');

  // As Maria: her agenda for the 1:1 with Dev, edited in place, shows the goal, the feedback and her tip.
  await choose(page, MARIA);
  const mariaAgenda = cardsWith(page, 'Dev Patel').filter({ hasText: goal });
  await shows(page, mariaAgenda, "Dev's goal on Maria's agenda");
  expect(await mariaAgenda.count()).toBe(1);
  expect(await when(mariaAgenda)).toContain('(edited)');
  const text = await mariaAgenda.innerText();
  expect(text).toContain(behavior);
  expect(text).toContain('Coaching tip · only you see this');
  await screenshotAt(page, mariaAgenda, join(screenshots, 'inbox-coaching.png'));

  // Her trust digest, on demand: only hers.
  await say(page, 'digest');
  const digest = cards(page).filter({ hasText: 'Trust digest · only you see this' }).last();
  await shows(page, digest, 'the trust digest');
  await expect(digest.innerText()).resolves.toContain('Dev Patel');

  // Maria plans a career conversation from that agenda: the planning card is for the 1:1 after it.
  await pressMore(page, mariaAgenda, 'Plan a career talk');
  const planning = cards(page).filter({ hasText: 'Next 1:1 with Dev Patel' }).last();
  await shows(page, planning, 'the planning card');
  await planning.getByText('Career: aspirations, where they are now, and a plan').click();
  await planning.getByRole('button', { name: 'Plan it' }).click();
  await shows(
    page,
    cards(page).filter({ hasText: 'Planned: a career conversation' }),
    'the planned conversation',
  );

  // A day at a time to that 1:1's agenda: it carries the career conversation guide.
  const career = cardsWith(page, 'Dev Patel').filter({
    hasText: 'Career conversation · planned by Maria Lopez',
  });
  for (let presses = 0; (await career.count()) === 0; presses++) {
    expect(presses, 'no agenda with the career conversation after 8 days').toBeLessThan(8);
    await day.click();
    await page.locator('#clockbar button[data-minutes="1440"]:enabled').waitFor();
    await page.waitForTimeout(1_500); // the page's next refresh
  }
  await expect(career.last().innerText()).resolves.toContain('Understand aspirations');
  await screenshotAt(page, career.last(), join(screenshots, 'inbox-career.png'));

  await browser.close();
  browser = undefined;
  await stopped(sandbox.child);
}, 150_000);
