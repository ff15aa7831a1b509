import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// CONTRIBUTING.md: a source file stays small enough to read in one sitting. Tests may be longer.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const folders = ['app', 'functions', 'shared', 'teams-app', 'sandbox', 'bench', 'scripts', 'tools'];
const MAX_LINES = 300;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) yield path;
  }
}

test(`no source file outside test/ is over ${MAX_LINES} lines`, () => {
  const long = folders
    .flatMap((folder) => [...sources(join(root, folder))])
    .map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(long).toEqual([]);
});
