import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { dependencyRule } from '../../tools/dependency-rule.js';

// The rule block that eslint.config.js applies, run on code placed in the core and outside it.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, dependencyRule],
});

const messages = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
};

describe('the dependency rule', () => {
  it.each([
    ['an SDK', "import { CosmosClient } from '@azure/cosmos';"],
    ['the Google client', "import { calendar } from '@googleapis/calendar';"],
    ['a Node built-in', "import { readFileSync } from 'node:fs';"],
    ['an adapter', "import { openSqliteStore } from '../adapters/sqlite/sqlite-store.js';"],
    ['the config (it reads process.env)', "import { loadConfig } from '../config.js';"],
    ['a dynamic import', "export const load = () => import('./x.js');"],
    ['the environment', 'export const mode = process.env.MODE;'],
    ['the network', "export const get = () => fetch('https://example.com');"],
    ['the wall clock', 'export const now = () => new Date();'],
    ['Date.now', 'export const now = () => Date.now();'],
    ['randomness', 'export const id = () => Math.random();'],
  ])('fails shared/domain and shared/services on %s', async (_, code) => {
    for (const folder of ['shared/domain', 'shared/services']) {
      const found = await messages(`${folder}/example.ts`, code);
      expect(found.length, `${folder}: ${code}`).toBeGreaterThan(0);
      expect(found.every((m) => m.startsWith('no-restricted'))).toBe(true);
    }
  });

  it('lets the core import zod, the ports and each other, and parse dates it is given', async () => {
    const code = [
      "import { z } from 'zod';",
      "import type { Store } from '../ports.js';",
      "import { Topic } from '../domain/topic.js';",
      'export const f = (s: Store, at: string) => [z, s, Topic, new Date(at)];',
    ].join('\n');
    expect(await messages('shared/services/example.ts', code)).toEqual([]);
  });

  it('leaves adapters free to use SDKs', async () => {
    expect(await messages('shared/adapters/cosmos/example.ts', "import '@azure/cosmos';")).toEqual([]);
  });
});
