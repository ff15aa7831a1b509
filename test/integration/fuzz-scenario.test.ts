import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../sandbox/simulate/scenario.js';
import { sized } from '../support/long-runs.js';

// FUZZ_SEED=<n> replays a run; the seed is printed with the summary.
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'steady-fuzz-scenario-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Json = fc.JsonValue;
type Path = (string | number)[];

const files = readdirSync('test/scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: readFileSync(join('test/scenarios', f), 'utf8') }));
const valid = files.map((f) => JSON.parse(f.text) as Json);

/** Every place in a JSON value, root first. */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v as Json, [...at, k]))];
  return [at];
}

type Mutation =
  { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'addKey'; key: string; value: Json };

function mutate(root: Json, path: Path, mutation: Mutation): Json {
  const copy = structuredClone(root);
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'addKey' && copy !== null && typeof copy === 'object' && !Array.isArray(copy))
      return { ...copy, [mutation.key]: mutation.value };
    return copy;
  }
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step] as Json;
  const last = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, Json> & Json[];
  if (mutation.kind === 'replace') container[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else {
    const target = container[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, Json>)[mutation.key] = mutation.value;
    else container[last] = { [mutation.key]: mutation.value };
  }
  return copy;
}

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    'nobody@contoso.com',
    '2026-13-01T00:00:00Z',
    '2026-03-01T00:00:00+01:00',
    'Mars/Olympus',
    -1,
  ),
  fc.constantFrom(1e308, 0.5, 2 ** 53, true, null, [], {}),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: oddValue.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('extra', 'Start', '__proto__', 'constructor', 'at', 'say'), oddValue)
      .map(([key, value]) => ({ kind: 'addKey' as const, key, value })),
  },
);
/** A valid scenario file with one thing changed. */
const mutatedScenario = fc
  .tuple(fc.nat({ max: valid.length - 1 }), fc.nat(), mutation)
  .map(([file, pick, change]) => {
    const root = valid[file] ?? null;
    const paths = pathsOf(root);
    const path = paths[pick % paths.length] ?? [];
    return { file: files[file]?.name ?? '', path, change, text: JSON.stringify(mutate(root, path, change)) };
  });

const stackTrace = /\n\s+at .+:\d+:\d+|\b(TypeError|ReferenceError|RangeError)\b/;
/** `steps[2].at: must be …`: the error starts with the field it is about (or says the file is not JSON). */
const namesAField =
  /^((start|end|settings|people|calendars|steps)[[.:]|\(scenario\): \S|the scenario is not JSON: \S)/;

describe('fuzz: scenario files', () => {
  it('every file in test/scenarios parses (the seeds of the mutations)', () => {
    for (const file of files) expect(parseScenario(file.text), file.name).toMatchObject({ ok: true });
  });

  it('the parser never throws, and every refusal names the field', () => {
    const counts = { runs: 0, refused: 0, accepted: 0 };
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc
        .tuple(fc.constantFrom(...files.map((f) => f.text)), fc.nat())
        .map(([text, cut]) => text.slice(0, cut % text.length)), // a file cut short
    );
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 1, arbitrary: anyText.map((text) => ({ text, path: undefined })) },
          { weight: 3, arbitrary: mutatedScenario },
        ),
        ({ text, path }) => {
          counts.runs++;
          const parsed = parseScenario(text);
          if (parsed.ok) {
            counts.accepted++;
            return;
          }
          counts.refused++;
          expect(parsed.error).toMatch(namesAField);
          expect(parsed.error).not.toMatch(stackTrace);
          // a change below the root is reported at a field, not at the whole scenario
          if (path !== undefined && path.length > 0)
            expect(parsed.error).not.toMatch(/^\(scenario\): (?!Unrecognized key)/);
        },
      ),
      { numRuns: sized(3000, 800), seed },
    );
    console.log(
      `fuzz: scenario files ${counts.runs} inputs, 0 crashes, ${counts.refused} refused naming the field, ${counts.accepted} accepted (seed ${seed})`,
    );
  });

  it('npm run simulate exits 2 naming the field, without a stack trace', async () => {
    const invalid = fc
      .sample(mutatedScenario, { numRuns: 200, seed })
      .filter((m) => m.path.length > 0 && !parseScenario(m.text).ok)
      .slice(0, 4);
    const inputs = [...invalid.map((m) => m.text), '{"start": "2026-03-01T00:00:00Z", "people": []'];
    const outcomes = await Promise.all(
      inputs.map(async (text, i) => {
        const file = join(folder, `bad-${i}.json`);
        writeFileSync(file, text);
        // what `npm run simulate` runs, without its pre-step that may install dependencies
        const failed = await run(process.execPath, [
          '--import',
          'tsx',
          'sandbox/simulate/main.ts',
          file,
        ]).then(
          () => undefined,
          (error: { code?: number; stderr?: string }) => error,
        );
        return { file, text, failed };
      }),
    );
    for (const { file, text, failed } of outcomes) {
      const parsed = parseScenario(text);
      expect(parsed.ok).toBe(false);
      expect(failed?.code, text.slice(0, 200)).toBe(2);
      // the last line (the functions package's test-mode warnings come before it)
      expect(failed?.stderr?.trim().split('\n').pop()).toBe(
        `invalid scenario ${file}: ${parsed.ok ? '' : parsed.error}`,
      );
      expect(failed?.stderr).not.toMatch(stackTrace);
    }
    console.log(
      `fuzz: scenario files ${outcomes.length} invalid files through npm run simulate, all exit 2 naming the field`,
    );
  }, 60_000);

  // The schema takes any object as a Google event (`EventResource`) and checks a press only when it
  // runs, and a person's `say` only then: such a file still ends with exit 2 and the part of the file at
  // fault, never a stack trace.
  it('npm run simulate stops without a stack trace on an event it cannot read, a press on no card, or a say by someone without the app', async () => {
    const base = JSON.parse(readFileSync('test/scenarios/two-weeks.json', 'utf8')) as {
      people: Record<string, Json>[];
      calendars: Record<string, Record<string, Json>[]>;
      steps: Record<string, Json>[];
    };
    const unreadable = structuredClone(base);
    (unreadable.calendars['maria@contoso.com'] ?? [])[0] = { id: 'weekly1', start: 5 };
    const noCard = structuredClone(base);
    noCard.steps[1] = {
      at: '2026-03-02T09:00:00Z',
      as: 'maria@contoso.com',
      press: { kind: 'summary', action: 'x' },
    };
    const notInstalled = structuredClone(base); // Dev types, but has no Steady in Teams
    notInstalled.people = base.people.map((p) =>
      p.email === 'dev@contoso.com' ? { ...p, teams: false } : p,
    );
    for (const [i, scenario] of [unreadable, noCard, notInstalled].entries()) {
      const text = JSON.stringify(scenario);
      expect(parseScenario(text).ok).toBe(true);
      const file = join(folder, `accepted-${i}.json`);
      writeFileSync(file, text);
      const failed = await run(process.execPath, ['--import', 'tsx', 'sandbox/simulate/main.ts', file]).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failed?.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(failed?.code).toBe(2);
    }
  }, 60_000);
});
