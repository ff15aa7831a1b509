import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

/** The newest Teams manifest schema bundled in `@microsoft/app-manifest` 1.1.2. */
export const MANIFEST_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

let schema: Promise<Schema> | undefined;

// The package's own lookup falls back to downloading the schema when it cannot find it locally; reading
// the bundled file ourselves keeps validation offline, and a missing file is an error, not a download.
function bundledSchema(): Promise<Schema> {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const file = new URL(
    `build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    pathToFileURL(packageJson),
  );
  schema ??= readFile(file, 'utf8').then((text) => JSON.parse(text) as Schema);
  return schema;
}

/**
 * Validates a Teams app manifest against the bundled v1.30 schema, offline. Returns one problem per
 * schema error, each starting with the JSON path of the bad field; an empty list means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['/ must be a JSON object'];
  }
  const problems: string[] = [];
  const declared = (manifest as { $schema?: unknown }).$schema;
  if (declared !== MANIFEST_SCHEMA_URL) {
    problems.push(
      `/$schema must be ${MANIFEST_SCHEMA_URL}, the schema it is validated against (got ${String(declared)})`,
    );
  }
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, await bundledSchema());
  // The library writes "<instancePath> <message>. Details: {...}"; the root's path is empty.
  return [...problems, ...errors.map((error) => (error.startsWith(' ') ? `/${error}` : error))];
}
