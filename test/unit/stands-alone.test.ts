import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// A user's clone has nothing beside it: no file of the project may reach outside the repository.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const skipped = new Set(['node_modules', '.git', 'dist', 'dist-functions', '.steady', 'coverage', 'vendor']);

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|js|mjs|cjs|json|sh)$/.test(entry.name) || entry.name === 'run') yield path;
  }
}

/**
 * Every relative path written in a file (`'../x'`, `"../../y"`) that climbs out of the repository, taken
 * from the file's folder and, for what `npm start` runs, from its build in `dist/`.
 */
function escapes(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const folder = relative(root, dirname(file));
  // `npm start` runs the sandbox (and what it imports) from its build; tests and tools run from the sources
  const built = /^(app|sandbox|shared|teams-app|functions)\b/.test(folder)
    ? join(root, 'dist', folder)
    : dirname(file);
  const outside = (from: string, path: string) => relative(root, resolve(from, path)).startsWith(`..${sep}`);
  return [...text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)/g)]
    .map((match) => match[1]!)
    .filter((path) => outside(dirname(file), path) && outside(built, path));
}

test('no source, test, script or config file names a path outside the repository', () => {
  const found = [...sources(root)].flatMap((file) =>
    escapes(file).map((path) => `${relative(root, file)}: ${path}`),
  );
  expect(found).toEqual([]);
});

test('nothing cites the design notes that live outside the repository', () => {
  const cites = [...sources(root)]
    .filter((file) => !file.endsWith('stands-alone.test.ts'))
    .filter((file) =>
      /\.\.\/shared\/(schemas|DESIGN|SIMULATION|STYLE|FIELD-NOTES)/.test(readFileSync(file, 'utf8')),
    )
    .map((file) => relative(root, file));
  expect(cites).toEqual([]);
});
