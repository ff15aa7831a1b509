import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** The official renderer's browser bundle, served to the inbox page. */
export const RENDERER_PATH = require.resolve('adaptivecards/dist/adaptivecards.min.js');

/**
 * Teams' light host config, vendored in `vendor/adaptivecards/` (MIT). Found from the project root (the
 * folder holding node_modules), so the same path works from the sources (tsx) and from `dist/`.
 */
export const DEFAULT_HOST_CONFIG_PATH = resolve(
  dirname(require.resolve('adaptivecards/package.json')),
  '../../vendor/adaptivecards/hostconfig-teams-light.json',
);

/** The host config as JSON text (checked to parse), for the renderer in the page. */
export async function hostConfigJson(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  JSON.parse(text);
  return text;
}
