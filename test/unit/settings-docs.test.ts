import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ConfigSchema } from '../../shared/config.js';

it("documents every setting of the config schema in the README's table, and nothing else", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Settings'),
    readme.indexOf('\n## ', readme.indexOf('## Settings') + 5),
  );
  const documented = [...section.matchAll(/^\| `([A-Za-z_]+)`/gm)].map((m) => m[1]);
  expect([...documented].sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
});
