import { describe, expect, test } from 'vitest';
import { browserCandidates, findChromium, type BrowserWorld } from '../support/find-chromium.js';

const world = (
  files: string[],
  options: { env?: Record<string, string>; platform?: NodeJS.Platform; dirs?: Record<string, string[]> } = {},
): BrowserWorld => ({
  env: options.env ?? {},
  platform: options.platform ?? 'linux',
  home: '/home/dev',
  exists: (path) => files.includes(path),
  list: (dir) => options.dirs?.[dir] ?? [],
});

describe('the browser the tests use', () => {
  test('CHROME_PATH wins over the usual places, and must name a file', () => {
    const both = ['/opt/my/chrome', '/usr/bin/chromium'];
    expect(findChromium(world(both, { env: { CHROME_PATH: '/opt/my/chrome' } }))).toEqual({
      ok: true,
      path: '/opt/my/chrome',
    });
    expect(findChromium(world(both, { env: { CHROME_PATH: '/nope' } }))).toEqual({
      ok: false,
      reason: 'CHROME_PATH is /nope, and there is no file there',
    });
  });

  test("Debian's chromium first, then Chrome, on Linux", () => {
    expect(findChromium(world(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toEqual({
      ok: true,
      path: '/usr/bin/chromium',
    });
    expect(findChromium(world(['/usr/bin/google-chrome-stable']))).toEqual({
      ok: true,
      path: '/usr/bin/google-chrome-stable',
    });
  });

  test('macOS applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(world([chrome], { platform: 'darwin' }))).toEqual({ ok: true, path: chrome });
  });

  test("the newest Chromium of a Playwright cache, the cache's own variable honoured", () => {
    const cache = '/home/dev/.cache/ms-playwright';
    const dirs = {
      [cache]: ['chromium-1100', 'chromium-1200', 'ffmpeg-1010', 'chromium_headless_shell-1200'],
    };
    const newest = `${cache}/chromium-1200/chrome-linux/chrome`;
    expect(findChromium(world([`${cache}/chromium-1100/chrome-linux/chrome`, newest], { dirs }))).toEqual({
      ok: true,
      path: newest,
    });
    const elsewhere = { '/pw': ['chromium-1300'] };
    expect(
      browserCandidates(world([], { env: { PLAYWRIGHT_BROWSERS_PATH: '/pw' }, dirs: elsewhere })),
    ).toContain('/pw/chromium-1300/chrome-linux64/chrome');
  });

  test('none anywhere: a reason, not a path', () => {
    expect(findChromium(world([]))).toEqual({
      ok: false,
      reason: 'no Chromium or Chrome at the usual places',
    });
  });
});
