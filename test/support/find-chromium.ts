import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the finder may look at: the process by default, a fixed world in the unit tests. */
export interface BrowserWorld {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
  exists(path: string): boolean;
  list(dir: string): readonly string[];
}

export const thisMachine: BrowserWorld = {
  env: process.env,
  platform: process.platform,
  home: homedir(),
  exists: existsSync,
  list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
};

/** The usual places of a Chromium or Chrome, in the order they are tried after `CHROME_PATH`. */
export function browserCandidates(world: BrowserWorld): string[] {
  const fixed: Partial<Record<NodeJS.Platform, string[]>> = {
    linux: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/opt/google/chrome/chrome',
    ],
    darwin: [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    win32: [
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    ],
  };
  return [...(fixed[world.platform] ?? []), ...playwrightCache(world)];
}

/** Chromium builds a Playwright install left in its cache (newest first), if any. */
function playwrightCache(world: BrowserWorld): string[] {
  const cache =
    world.env.PLAYWRIGHT_BROWSERS_PATH ??
    (world.platform === 'darwin'
      ? join(world.home, 'Library/Caches/ms-playwright')
      : join(world.home, '.cache/ms-playwright'));
  const inside =
    world.platform === 'darwin'
      ? [
          'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
          'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
        ]
      : ['chrome-linux/chrome', 'chrome-linux64/chrome'];
  return world
    .list(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)))
    .flatMap((build) => inside.map((path) => join(cache, build, path)));
}

/** Where the browser is, or why there is none. `CHROME_PATH` wins, and must then be right. */
export type BrowserFound =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export function findChromium(world: BrowserWorld = thisMachine): BrowserFound {
  const chosen = world.env.CHROME_PATH;
  if (chosen !== undefined && chosen !== '') {
    return world.exists(chosen)
      ? { ok: true, path: chosen }
      : { ok: false, reason: `CHROME_PATH is ${chosen}, and there is no file there` };
  }
  const path = browserCandidates(world).find((candidate) => world.exists(candidate));
  return path !== undefined
    ? { ok: true, path }
    : { ok: false, reason: 'no Chromium or Chrome at the usual places' };
}

/** The one message for a machine with no browser and no way to install one. */
export const NO_BROWSER_HELP = [
  'The browser tests need Chromium or Google Chrome.',
  '  Debian/Ubuntu: sudo apt-get install chromium   (npm test does this itself when run as root)',
  '  macOS:         brew install --cask chromium    (or install Google Chrome)',
  '  elsewhere:     set CHROME_PATH to the browser executable',
].join('\n');
