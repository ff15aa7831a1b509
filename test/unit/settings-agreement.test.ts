/**
 * The settings agree in three places: the zod schema in shared/config.ts (what the code reads), the app
 * settings the Bicep sets in Azure (infra/modules/functions.bicep), and the README's settings table.
 * The exceptions are named, each with its reason, in infra/app-settings.json. Also checks that the
 * Bicep creates the containers and queues the code uses, and that the docs only name azd outputs that
 * exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../shared/config.js';
import { CONTAINERS } from '../../shared/domain/containers.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Names in the README's "## Settings" table (first column, in backticks). */
function readmeSettings(readme: string): string[] {
  const start = readme.indexOf('## Settings');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  return [...section.matchAll(/^\| `([A-Za-z_]+)`/gm)].map((m) => m[1] ?? '');
}

/**
 * Keys of the `properties` object of the `'appsettings'` config resource: one `NAME: value` per line,
 * `//` comments skipped, up to the brace that closes `properties`.
 */
function bicepAppSettings(bicep: string): string[] {
  const lines = bicep.split('\n');
  const named = lines.findIndex((line) => line.trim() === "name: 'appsettings'");
  if (named < 0) throw new Error("no resource named 'appsettings' in the Bicep file");
  const open = lines.findIndex((line, i) => i > named && line.trim() === 'properties: {');
  if (open < 0) throw new Error("the 'appsettings' resource has no 'properties: {' line");
  const indent = (lines[open] ?? '').search(/\S/);
  const names: string[] = [];
  for (const line of lines.slice(open + 1)) {
    const text = line.trim();
    if (text === '}' && line.search(/\S/) <= indent) return names;
    const key = /^([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(text);
    if (key !== null) names.push(key[1] ?? '');
  }
  throw new Error("the 'appsettings' properties object is not closed");
}

interface Exceptions {
  readonly notSetInAzure: Record<string, string>;
  readonly hostOnly: Record<string, string>;
}

const minus = (a: Iterable<string>, b: Iterable<string>): string[] => {
  const remove = new Set(b);
  return [...new Set(a)].filter((x) => !remove.has(x)).sort();
};

describe('settings agreement', () => {
  const schema = Object.keys(ConfigSchema.shape);
  const readme = readmeSettings(read('README.md'));
  const bicep = bicepAppSettings(read('infra/modules/functions.bicep'));
  const exceptions = JSON.parse(read('infra/app-settings.json')) as Exceptions;
  const notSet = Object.keys(exceptions.notSetInAzure);
  const hostOnly = Object.keys(exceptions.hostOnly);

  it('parses something from each source', () => {
    expect(schema.length).toBeGreaterThan(10);
    expect(readme.length).toBeGreaterThan(10);
    expect(bicep.length).toBeGreaterThan(10);
  });

  it('has the same names in the schema, the Bicep app settings and the README, except the listed ones', () => {
    const problems = [
      ...minus(schema, readme).map((n) => `${n}: in shared/config.ts, not in the README's settings table`),
      ...minus(readme, schema).map((n) => `${n}: in the README's settings table, not in shared/config.ts`),
      ...minus(minus(schema, bicep), notSet).map(
        (n) =>
          `${n}: in shared/config.ts, not set in infra/modules/functions.bicep ` +
          '(set it, or list it with the reason under notSetInAzure in infra/app-settings.json)',
      ),
      ...minus(minus(bicep, schema), hostOnly).map(
        (n) =>
          `${n}: set in infra/modules/functions.bicep, not in shared/config.ts ` +
          '(add it to the schema, or list it under hostOnly in infra/app-settings.json)',
      ),
      ...notSet
        .filter((n) => !schema.includes(n))
        .map((n) => `${n}: under notSetInAzure in infra/app-settings.json, not in shared/config.ts`),
      ...notSet
        .filter((n) => bicep.includes(n))
        .map((n) => `${n}: under notSetInAzure in infra/app-settings.json, yet set in the Bicep`),
      ...hostOnly
        .filter((n) => schema.includes(n))
        .map((n) => `${n}: under hostOnly in infra/app-settings.json, yet read by shared/config.ts`),
      ...hostOnly
        .filter((n) => !bicep.includes(n))
        .map((n) => `${n}: under hostOnly in infra/app-settings.json, not set in the Bicep`),
    ];
    expect(problems).toEqual([]);
  });

  it('gives a reason for every name it leaves out', () => {
    for (const reason of [
      ...Object.values(exceptions.notSetInAzure),
      ...Object.values(exceptions.hostOnly),
    ]) {
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('sets no name twice', () => {
    expect(bicep.filter((n, i) => bicep.indexOf(n) !== i)).toEqual([]);
  });
});

describe('the Bicep and the code', () => {
  it('creates the containers the code uses, with the same partition keys', () => {
    const bicep = read('infra/modules/cosmos.bicep');
    const declared: Record<string, string> = Object.fromEntries(
      [...bicep.matchAll(/name: '([a-z]+)'\s+partitionKey: '([^']+)'/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const used = Object.fromEntries(
      Object.entries(CONTAINERS).map(([name, c]) => [name, `/${c.partitionKey}`]),
    );
    expect(declared).toEqual(used);
  });

  it('creates every queue a function triggers on, and its poison queue', () => {
    const triggers = readdirSync(new URL('../../functions/', import.meta.url))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...read(`functions/${f}`).matchAll(/queueName: '([^']+)'/g)].map((m) => m[1] ?? ''));
    const expected = new Set(triggers.flatMap((q) => (q.endsWith('-poison') ? [q] : [q, `${q}-poison`])));
    const declared = /var queueNames = \[([^\]]*)\]/.exec(read('infra/main.bicep'))?.[1] ?? '';
    const queues = [...declared.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(triggers.length).toBeGreaterThan(0);
    expect([...queues].sort()).toEqual([...expected].sort());
  });

  it('declares every parameter that main.parameters.json fills', () => {
    const params = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const bicep = read('infra/main.bicep');
    const declared = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1] ?? '');
    expect(minus(Object.keys(params.parameters), declared)).toEqual([]);
  });

  it('has an output for every `azd env get-value NAME` the docs use', () => {
    const outputs = [...read('infra/main.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1] ?? '');
    const docs = readdirSync(new URL('../../docs/', import.meta.url))
      .filter((f) => f.endsWith('.md'))
      .map((f) => read(`docs/${f}`))
      .join('\n');
    const used = [...docs.matchAll(/azd env get-value (\w+)/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    expect(minus(used, outputs)).toEqual([]);
  });
});
