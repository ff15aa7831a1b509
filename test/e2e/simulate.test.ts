import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { launchChromium } from '../support/chromium.js';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'steady-simulate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const scenario = 'test/scenarios/two-weeks.json';
const simulate = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'sandbox/simulate/main.ts', ...args], {
    maxBuffer: 50 * 1024 * 1024,
  });

describe('npm run simulate', () => {
  it('replays a scenario and writes the transcript of every message, in time order', async () => {
    const out = join(folder, 'transcript.jsonl');
    const html = join(folder, 'report.html');
    await simulate(scenario, '--out', out, '--html', html);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    const brief = lines.map((l) => [l['at'], l['to'], l['kind'], l['op'], l['occurrence'] ?? '']);
    expect(brief).toEqual([
      ['2026-03-01T00:00:00Z', 'maria@contoso.com', 'welcome', 'send', ''],
      ['2026-03-01T00:00:00Z', 'dev@contoso.com', 'welcome', 'send', ''],
      ['2026-03-01T09:00:00Z', 'dev@contoso.com', 'reply', 'send', ''],
      ['2026-03-02T08:00:00Z', 'maria@contoso.com', 'agenda', 'send', '2026-03-03T08:00:00Z'],
      ['2026-03-02T08:00:00Z', 'maria@contoso.com', 'trustDigest', 'send', ''], // with her first deep dive
      ['2026-03-02T08:00:00Z', 'dev@contoso.com', 'agenda', 'send', '2026-03-03T08:00:00Z'],
      ['2026-03-02T08:00:00Z', 'dev@contoso.com', 'deepDive', 'send', '2026-03-03T08:00:00Z'],
      ['2026-03-02T09:00:00Z', 'dev@contoso.com', 'agenda', 'update', '2026-03-03T08:00:00Z'],
      ['2026-03-02T09:00:00Z', 'maria@contoso.com', 'agenda', 'update', '2026-03-03T08:00:00Z'],
      ['2026-03-03T08:45:00Z', 'maria@contoso.com', 'summary', 'send', '2026-03-03T08:00:00Z'],
      ['2026-03-03T08:45:00Z', 'dev@contoso.com', 'summary', 'send', '2026-03-03T08:00:00Z'],
    ]);
    expect(lines[3]).toMatchObject({ pair: 'maria@contoso.com|dev@contoso.com' });
    expect(lines[3]?.['text']).toContain('Career path for next quarter');
    expect(lines[9]?.['text']).toMatch(/Covered[\s\S]*Career path for next quarter/);
    expect(readFileSync(html, 'utf8')).toContain('Steady simulation: 11 messages');

    // the report opens in a browser with every card rendered by the adaptivecards renderer
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      const cards = lines.filter((l) => l['card'] !== undefined).length;
      expect(await page.locator('section .ac-adaptiveCard').count()).toBe(cards);
      expect(await page.locator('section .error').count()).toBe(0);
      expect(await page.locator('section').nth(3).innerText()).toContain('Career path for next quarter');
    } finally {
      await browser.close();
    }
  });

  it.each([
    ['{"start": "2026-03-01T00:00:00Z"}', /end: /],
    ['not json', /not JSON/],
    [
      JSON.stringify({
        ...JSON.parse(readFileSync(scenario, 'utf8')),
        steps: [{ at: '2027-01-01T00:00:00Z', as: 'dev@contoso.com', say: 'x' }],
      }),
      /steps\[0\]\.at: must be between start and end/,
    ],
    [
      JSON.stringify({
        ...JSON.parse(readFileSync(scenario, 'utf8')),
        steps: [{ at: '2026-03-02T00:00:00Z', as: 'nobody@contoso.com', say: 'x' }],
      }),
      /steps\[0\]\.as: nobody@contoso.com is not one of the people/,
    ],
  ])('exits 2 naming the bad field for an invalid scenario (%#)', async (text, message) => {
    const file = join(folder, 'bad.json');
    writeFileSync(file, text);
    const failed = await simulate(file).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(message);
  });
});
