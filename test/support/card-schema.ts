import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type AnySchemaObject, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The official schema and Teams host configs, vendored with their licence (`vendor/adaptivecards/README.md`). */
export const ADAPTIVE_CARDS_DIR = new URL('../../vendor/adaptivecards/', import.meta.url);

const readJson = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, ADAPTIVE_CARDS_DIR), 'utf8')) as Record<string, unknown>;

/** A Teams host config (light or dark theme), for the `adaptivecards` renderer. */
export const teamsHostConfig = (theme: 'light' | 'dark'): Record<string, unknown> =>
  readJson(`hostconfig-teams-${theme}.json`);

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

/** Checks a card against the official Adaptive Card 1.5 schema; returns the errors, empty when valid. */
export type CardValidator = (card: unknown) => string[];

/**
 * The official schema declares draft-06 and names itself with `id`; Ajv 8 wants `$id` and the draft-06
 * meta-schema. Its annotation keywords (`version`, `features`) are not JSON Schema, so they are declared.
 */
export function loadCardValidator(): CardValidator {
  const { id, ...rest } = readJson('adaptive-card-1.5.json');
  const schema: AnySchemaObject = { $id: String(id), ...rest };
  const require = createRequire(import.meta.url);
  const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (card) => (validate(card) ? [] : (validate.errors ?? []).map(describe));
}

const describe = (error: ErrorObject): string =>
  `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
