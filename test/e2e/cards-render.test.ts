import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CardAction } from '../../teams-app/cards/card-action.js';
import { agendaSamples, cardSamples } from '../support/card-samples.js';
import { renderCard, type AdaptiveCard, type CardName } from '../../teams-app/cards/index.js';
import { teamsHostConfig } from '../support/card-schema.js';
import { screenshotFolder } from '../support/screenshots.js';

// Renders the cards with the official `adaptivecards` renderer and the Teams light host config in
// Debian's Chromium, as Teams would draw them; `npm run screenshots` keeps them as the README's.

const rendererDir = new URL('../../node_modules/adaptivecards/dist/', import.meta.url);
const screenshots = screenshotFolder();

// Teams renders TextBlock markdown; this minimal processor does the same for bold and links, so the
// tests would notice user text leaking into a TextBlock. TextRuns never go through it.
const page = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/adaptivecards.css">
<style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; }
  .card { width: 480px; margin-bottom: 16px; background: #fff; border-radius: 6px; overflow: hidden;
    box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  .ac-pushButton { font-family: inherit; }
</style>
<script src="/adaptivecards.min.js"></script>
<script>
  const escape = (s) => s.replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = escape(text)
      .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
      .replace(/\\[([^\\]]+)\\]\\(([^)]+)\\)/g, '<a href="$2">$1</a>');
    result.didProcess = true;
  };
  window.renderCard = (id, payload, hostConfig) => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    const context = new AdaptiveCards.SerializationContext();
    card.parse(payload, context);
    // what a press sends: the button's data merged with the card's inputs, as Teams posts it
    card.onExecuteAction = (action) => {
      window.executed = { verb: action.verb, data: action.data };
    };
    const problems = [];
    for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
    for (const event of card.validateProperties().validationEvents) problems.push(event.message);
    const rendered = card.render();
    const host = document.createElement('div');
    host.id = id;
    host.className = 'card';
    if (rendered) host.appendChild(rendered);
    else problems.push('render() returned nothing');
    document.body.appendChild(host);
    return problems;
  };
</script></head><body></body></html>`;

let server: Server;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  server = createServer((req, res) => {
    const files: Record<string, [string, string]> = {
      '/adaptivecards.min.js': ['adaptivecards.min.js', 'text/javascript'],
      '/adaptivecards.css': ['adaptivecards.css', 'text/css'],
    };
    const file = files[req.url ?? ''];
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (file)
      res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(new URL(file[0], rendererDir)));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  browser = await launchChromium();
  tab = await browser.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1 });
  await tab.goto(`http://127.0.0.1:${port}/`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const hostConfigs = { light: teamsHostConfig('light'), dark: teamsHostConfig('dark') };
const render = async (
  id: string,
  card: AdaptiveCard | object,
  hostConfig = hostConfigs.light,
): Promise<{ problems: string[]; text: string }> => {
  const problems = await tab.evaluate(
    ([id, payload, config]) =>
      (globalThis as unknown as { renderCard: (...args: unknown[]) => string[] }).renderCard(
        id,
        payload,
        config,
      ),
    [id, card, hostConfig] as const,
  );
  return { problems, text: await tab.locator(`#${id}`).innerText() };
};

const keyTexts: Record<CardName, string[]> = {
  confirmErase: [
    'Delete everything Steady keeps about you?',
    'Your 1:1s with Maria Lopez',
    'Delete everything',
  ],
  agenda: [
    '1:1 with Ana Silva',
    'Your items · 15 min',
    '1. Career path for next quarter',
    'Growth and development · 10 min',
    'Feedback · 5 min',
    "Ana Silva's items · if time",
    'Open action items · carried over',
    'Suggested question',
    'Monthly deep dive',
    'Mark covered',
    'Mark done',
    'Add topic',
  ],
  deepDive: [
    'March 2026',
    'How are you feeling about work (1-10)?',
    'What would make it a 10?',
    'Growth plan',
    'Checkpoint Sat 28 Feb 2026',
    'Submit',
  ],
  summary: [
    'Covered',
    'Carried over to next time',
    '(private, only you see this)',
    'Career conversation',
    'Agreed goal for Q1 2026: Lead the billing retry queue',
    'Next 1:1',
  ],
  planConversation: [
    'Next 1:1 with Dev Patel',
    'Planned: a promotion conversation',
    'Promotion: what the role expects, and the evidence',
    'The role, for a promotion conversation',
    'Plan it',
  ],
  cadenceAlert: ['Your 1:1 with Dev Patel was missed 2 times in a row', 'Tue 24 Feb 2026', 'Reschedule'],
  welcome: ['Hi Dev Patel, welcome to Steady', 'Private by design', 'add Career path for next quarter'],
  help: ['add <topic>', 'action [@Name] <text> [by <date>]', 'done <n>', 'resume'],
  growthPlan: [
    'Growth plan',
    'Q2 2026 · with Ana Silva',
    'Goal: what will you grow this quarter?',
    'Monthly checkpoints',
    'Checkpoint Thu 30 Apr 2026',
    'Save',
  ],
  trustDigest: [
    'Trust digest · only you see this',
    'March 2026',
    '75% of your action items done by their due date: 6 of 8',
    'Dev Patel: 7 of 8 held',
    'Mia Chen: 8 in Jan 2026 → 5 in Feb 2026',
  ],
  choosePair: ['Which 1:1?', 'Ana Silva (weekly, Tue 09:00)', 'Mia Chen (fortnightly, Thu 15:00)'],
  feedback: [
    'For Ana Silva',
    'What feedback do you have for me?',
    'Behavior: what did they do?',
    'Request: what do you ask for next time?',
    'Save as draft',
    'Share',
  ],
};

describe('each card renders as in Teams', () => {
  test.each(Object.keys(keyTexts) as CardName[])('%s', async (name) => {
    const { problems, text } = await render(`card-${name}`, renderCard(name, cardSamples[name] as never));
    expect(problems).toEqual([]);
    for (const key of keyTexts[name]) expect(text).toContain(key);
    await tab.locator(`#card-${name}`).screenshot({ path: join(screenshots, `${name}.png`) });
  });

  test.each(Object.keys(keyTexts) as CardName[])("%s in Teams' dark theme", async (name) => {
    const card = renderCard(name, cardSamples[name] as never);
    const { problems, text } = await render(`dark-${name}`, card, hostConfigs.dark);
    expect(problems).toEqual([]);
    for (const key of keyTexts[name]) expect(text).toContain(key);
  });

  test("the manager's agenda, with its coaching tip (agenda-manager.png)", async () => {
    const { problems, text } = await render('agenda-manager', renderCard('agenda', agendaSamples.manager));
    expect(problems).toEqual([]);
    for (const key of [
      '1:1 with Dev Patel',
      "Dev Patel's items · 15 min",
      'Suggested question',
      'Coaching tip · only you see this',
      agendaSamples.manager.coachingTip,
    ])
      expect(text).toContain(key);
    await tab.locator('#agenda-manager').screenshot({ path: join(screenshots, 'agenda-manager.png') });
  });

  test('at 320 px (Teams mobile), Join is the one button in view; the rest are in the menu (agenda-320.png)', async () => {
    const { problems } = await render('agenda-320', renderCard('agenda', agendaSamples.withCall));
    expect(problems).toEqual([]);
    const card = tab.locator('#agenda-320');
    await card.evaluate((node) => ((node as unknown as { style: { width: string } }).style.width = '320px'));
    const actionsRow = card.locator('.ac-actionSet').last();
    // the renderer gives Action.OpenUrl the role of a link
    const titles = await actionsRow.locator('button').allInnerTexts();
    expect(titles).toEqual(['Join', '...']);
    await expect(actionsRow.getByRole('link', { name: 'Join' }).isVisible()).resolves.toBe(true);
    await card.screenshot({ path: join(screenshots, 'agenda-320.png') });
  });

  test("in Teams' dark theme, with the dark host config (agenda-dark.png)", async () => {
    const { problems, text } = await render(
      'agenda-dark',
      renderCard('agenda', agendaSamples.withCall),
      hostConfigs.dark,
    );
    expect(problems).toEqual([]);
    expect(text).toContain('Add an action item');
    const card = tab.locator('#agenda-dark');
    // the chat behind the card is Teams' dark one, as the host config's colours expect
    await card.evaluate((node) => {
      (node as unknown as { style: { width: string; background: string } }).style.width = '420px';
      (node as unknown as { style: { background: string } }).style.background = '#1f1f1f';
    });
    await card.screenshot({ path: join(screenshots, 'agenda-dark.png') });
  });

  test("a promotion conversation on the manager's agenda: the guide's frame around the role (agenda-promotion.png)", async () => {
    const data = agendaSamples.promotionManager;
    const { problems, text } = await render('agenda-promotion', renderCard('agenda', data));
    expect(problems).toEqual([]);
    expect(text).toContain('Promotion conversation: Senior engineer · planned by Ana Silva');
    expect(text).toContain('“The Senior engineer role expects X, Y, Z.');
    const card = tab.locator('#agenda-promotion');
    // Add topic beside its box; the rest in the overflow menu, as Teams shows it at any width
    await expect(card.getByRole('button', { name: 'Add topic' }).count()).resolves.toBe(1);
    await card.getByRole('button', { name: 'More options' }).click();
    const menu = tab.getByRole('menuitem');
    await expect(menu.allInnerTexts()).resolves.toEqual([
      'Give feedback',
      'Growth plan',
      'Plan a career talk',
    ]);
    await tab.keyboard.press('Escape');
    await card.screenshot({ path: join(screenshots, 'agenda-promotion.png') });
  });

  test('a long "which 1:1?" command rides in a hidden input that the pressed button sends with its pair', async () => {
    const note = `note ${'Plans for the offsite. '.repeat(40)}`.trim();
    const options = [
      { pairId: 'pair-ana-dev', label: '1:1 with Dev Patel' },
      { pairId: 'pair-ana-mia', label: '1:1 with Mia Chen' },
    ];
    const { problems, text } = await render(
      'choose-long',
      renderCard('choosePair', { command: note, options }),
    );
    expect(problems).toEqual([]);
    expect(text).toContain('Plans for the offsite.');
    await tab.locator('#choose-long').getByRole('button', { name: '1:1 with Mia Chen' }).click();
    const executed = await tab.evaluate('window.executed');
    expect(CardAction.parse(executed)).toEqual({
      verb: 'choosePair',
      data: { pairId: 'pair-ana-mia', command: note },
    });
  });

  test('the agenda shows one button per open topic and action item, and the boxes for a topic, a note and an action item', async () => {
    await render('agenda-buttons', renderCard('agenda', agendaSamples.report));
    const card = tab.locator('#agenda-buttons');
    await expect(card.getByRole('button', { name: 'Mark covered' }).count()).resolves.toBe(3);
    await expect(card.getByRole('button', { name: 'Mark done' }).count()).resolves.toBe(2);
    for (const label of ['Add a topic', 'Add a note', 'Add an action item', 'Due (optional)'])
      await expect(card.getByLabel(label).count(), label).resolves.toBe(1);
    await expect(
      card.getByRole('checkbox', { name: 'Private: only I will ever see it' }).isChecked(),
    ).resolves.toBe(false);
    await expect(card.getByRole('radio', { name: 'Me' }).isChecked()).resolves.toBe(true);
    await expect(card.getByRole('radio', { name: 'The other person' }).isChecked()).resolves.toBe(false);
    for (const name of ['Add topic', 'Save note', 'Add action item'])
      await expect(card.getByRole('button', { name }).count(), name).resolves.toBe(1);
    await expect(card.locator('input, textarea').count()).resolves.toBe(7);
  });
});

describe('user text shows as typed', () => {
  const hostile = 'Ask ${manager} about <b>x</b>, [link](http://x) and **bold**';

  test('in the browser, a topic, an action item and a note keep their characters', async () => {
    const agenda = renderCard('agenda', {
      ...agendaSamples.report,
      reportTopics: [{ ...agendaSamples.report.reportTopics[0]!, text: hostile }],
      actionItems: [{ ...agendaSamples.report.actionItems[0]!, text: `${hostile} (action)` }],
    });
    const summary = renderCard('summary', {
      ...cardSamples.summary,
      notes: [{ authorName: '**Ana**', text: `${hostile} (note)`, private: false }],
    });
    for (const [id, card, expected] of [
      ['hostile-agenda', agenda, [`1. ${hostile}`, `1. ${hostile} (action)`]],
      ['hostile-summary', summary, [`**Ana**: ${hostile} (note)`]],
    ] as const) {
      const { problems, text } = await render(id, card);
      expect(problems).toEqual([]);
      for (const line of expected) expect(text).toContain(line);
      await expect(tab.locator(`#${id} b, #${id} strong, #${id} a[href="http://x"]`).count()).resolves.toBe(
        0,
      );
    }
  });

  test('in the browser, bidi controls and zero-width spaces never reach a card, so no line reads as another', async () => {
    // what an older Steady stored, or a name from the Teams roster: the edge now refuses typed ones
    const agenda = renderCard('agenda', {
      ...agendaSamples.report,
      otherName: 'Dev \u202eletaP\u202c',
      reportTopics: [{ ...agendaSamples.report.reportTopics[0]!, text: 'Pay \u2066Ana\u2069 100\u200b0' }],
    });
    const { problems, text } = await render('bidi-agenda', agenda);
    expect(problems).toEqual([]);
    expect(text).toContain('Dev letaP');
    expect(text).toContain('1. Pay Ana 1000');
    expect(text).not.toMatch(/[\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
  });

  test('the page renders TextBlock markdown like Teams, so a leak into a TextBlock would show', async () => {
    const leaky = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: hostile }] };
    const { text } = await render('leaky', leaky);
    expect(text).not.toContain('**bold**');
    await expect(tab.locator('#leaky strong, #leaky a[href="http://x"]').count()).resolves.toBe(2);
  });
});
