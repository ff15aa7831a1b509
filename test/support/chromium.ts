import { chromium, type Browser } from 'playwright-core';
import { findChromium, NO_BROWSER_HELP } from './find-chromium.js';

/**
 * Headless Chromium as this machine allows it: without the background-networking flags it keeps
 * trying to reach Google's hosts, which the closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  // `npm test` has found or installed one before the tests (scripts/ensure-browser.ts)
  const found = findChromium();
  if (!found.ok) throw new Error(`${found.reason}.\n${NO_BROWSER_HELP}`);
  return chromium.launch({
    executablePath: found.path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
