import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { dependencyRules } from '../../tools/dependency-rule.js';

// The rule blocks that eslint.config.js applies, run on code placed in each layer.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...dependencyRules],
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

  it.each([
    [
      'shared/domain/example.ts',
      'the services',
      "import { deliver } from '../services/delivery/deliver.js';",
    ],
    ['shared/services/example.ts', 'teams-app/', "import { x } from '../../teams-app/bot/present.js';"],
    [
      'shared/domain/example.ts',
      'teams-app/',
      "import type { X } from '../../teams-app/cards/card-data.js';",
    ],
    ['shared/adapters/example.ts', 'teams-app/', "import { x } from '../../teams-app/bot/x.js';"],
    ['shared/ports.ts', 'teams-app/', "import type { X } from '../teams-app/bot/bot-deps.js';"],
    ['shared/log.ts', 'the root', "import { getRoot } from '../app/root.js';"],
    [
      'shared/adapters/example.ts',
      'the root, dynamically',
      "export const r = () => import('../../app/root.js');",
    ],
    [
      'shared/config.ts',
      'teams-app/, dynamically',
      "export const b = () => import('../teams-app/bot/create-bot.js');",
    ],
    [
      'teams-app/bot/example.ts',
      'an adapter',
      "import { x } from '../../shared/adapters/teams/teams-messenger.js';",
    ],
    [
      'teams-app/bot/example.ts',
      'an adapter, dynamically',
      "export const a = () => import('../../shared/adapters/crypto-ids.js');",
    ],
    ['teams-app/bot/example.ts', 'the root', "import { getRoot } from '../../app/root.js';"],
    ['functions/example.ts', 'teams-app/', "import { x } from '../teams-app/bot/create-bot.js';"],
    [
      'functions/example.ts',
      'teams-app/, dynamically',
      "export const d = () => import('../teams-app/bot/x.js');",
    ],
    ['functions/example.ts', 'an adapter', "import { x } from '../shared/adapters/queue/storage-queue.js';"],
    [
      'functions/example.ts',
      'an adapter, dynamically',
      "export const q = () => import('../shared/adapters/x.js');",
    ],
    ['functions/example.ts', 'the config', "import { loadConfig } from '../shared/config.js';"],
    [
      'functions/example.ts',
      'the config, dynamically',
      "export const c = () => import('../shared/config.js');",
    ],
  ])('fails %s importing %s', async (file, _, code) => {
    const found = await messages(file, code);
    expect(found.length, `${file}: ${code}`).toBeGreaterThan(0);
    expect(found.every((m) => m.startsWith('no-restricted'))).toBe(true);
  });

  it('lets each layer import what is below it', async () => {
    const allowed: [string, string][] = [
      ['shared/services/example.ts', "import { isLive } from '../domain/index.js';"],
      [
        'shared/adapters/example.ts',
        "import type { Store } from '../ports.js';\nimport { ok } from '../domain/index.js';",
      ],
      ['teams-app/bot/example.ts', "import { agendaCard } from '../../shared/services/delivery/cards.js';"],
      ['teams-app/bot/example.ts', "import type { Messenger } from '../../shared/ports.js';"],
      ['teams-app/bot/example.ts', "import { x } from '../appPackage/x.js';"],
      ['functions/example.ts', "import type { Root } from '../app/root.js';"],
      ['functions/example.ts', "export const s = () => import('../shared/services/delivery/deliver.js');"],
      ['functions/example.ts', "export const d = () => import('../shared/domain/delivery-request.js');"],
      ['app/root.ts', "export const b = () => import('../teams-app/bot/create-bot.js');"],
      ['app/root.ts', "import { openSqliteStore } from '../shared/adapters/sqlite/sqlite-store.js';"],
    ];
    for (const [file, code] of allowed) expect(await messages(file, code), `${file}: ${code}`).toEqual([]);
  });
});
