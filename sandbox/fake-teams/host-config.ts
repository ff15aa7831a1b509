import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** The official renderer's browser bundle, served to the inbox page. */
export const RENDERER_PATH = require.resolve('adaptivecards/dist/adaptivecards.min.js');

/** `../shared/schemas/hostconfig-teams-light.json` beside the project (the folder holding node_modules). */
export const DEFAULT_HOST_CONFIG_PATH = resolve(
  dirname(require.resolve('adaptivecards/package.json')),
  '../../../shared/schemas/hostconfig-teams-light.json',
);

/** The host config as JSON text, or `null` when the file is absent, so the renderer uses its defaults. */
export async function hostConfigJson(path: string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    JSON.parse(text);
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'null';
    throw error;
  }
}
