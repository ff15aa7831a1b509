/**
 * The configuration: one zod schema over the environment. This is the only module that reads
 * `process.env`; everything else receives a `Config`.
 */
import { z } from 'zod';

const minutes = (fallback: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number of minutes' })
    .int({ error: 'must be a whole number of minutes' })
    .min(0, { error: 'must not be negative' })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Every setting, by its environment variable name. The README's settings table documents each. */
export const ConfigSchema = z.object({
  /** `azure` (the default) or `local`, the sandbox's explicit mode. */
  STEADY_MODE: z.enum(['azure', 'local'], { error: 'must be "azure" or "local"' }).default('azure'),
  /** Where documents live: `cosmos` (default in Azure) or `sqlite` (default locally). */
  STEADY_STORE: z.enum(['cosmos', 'sqlite'], { error: 'must be "cosmos" or "sqlite"' }).optional(),
  /** The local data folder (SQLite file, Azurite data). */
  STEADY_DATA_DIR: z.string().trim().min(1).default('.steady'),
  COSMOS_ENDPOINT: z
    .url({ error: 'must be the account URL, like https://steady.documents.azure.com:443/' })
    .optional(),
  /** Key auth; without it the app signs in with its managed identity. */
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('steady'),
  /** The client id of a user-assigned managed identity, when the app uses one. */
  AZURE_CLIENT_ID: optionalText,
  AGENDA_LEAD_MINUTES: minutes(1440, 14 * 1440),
  SUMMARY_DELAY_MINUTES: minutes(15, 1440),
});

export type ConfigInput = z.input<typeof ConfigSchema>;

export interface Config {
  readonly mode: 'azure' | 'local';
  readonly store:
    | { readonly kind: 'sqlite'; readonly file: string }
    | {
        readonly kind: 'cosmos';
        readonly endpoint: string;
        readonly database: string;
        readonly auth: { readonly key: string } | { readonly managedIdentityClientId?: string };
      };
  readonly agendaLeadMinutes: number;
  readonly summaryDelayMinutes: number;
}

/** Thrown at startup when the configuration is unusable; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Steady's configuration is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment (by default `process.env`) into a `Config`, or throws a `ConfigError`.
 * `defaults` fill what the environment leaves unset (the sandbox's embedded local settings).
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  defaults: Readonly<Record<string, string>> = {},
): Config {
  const set = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse({ ...defaults, ...set });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const vars = parsed.data;
  const storeKind = vars.STEADY_STORE ?? (vars.STEADY_MODE === 'local' ? 'sqlite' : 'cosmos');
  return {
    mode: vars.STEADY_MODE,
    store:
      storeKind === 'sqlite' ? { kind: 'sqlite', file: `${vars.STEADY_DATA_DIR}/steady.db` } : cosmos(vars),
    agendaLeadMinutes: vars.AGENDA_LEAD_MINUTES,
    summaryDelayMinutes: vars.SUMMARY_DELAY_MINUTES,
  };
}

function cosmos(vars: z.output<typeof ConfigSchema>): Config['store'] {
  if (vars.COSMOS_ENDPOINT === undefined) {
    throw new ConfigError([
      'COSMOS_ENDPOINT: is required when the store is Cosmos DB (STEADY_STORE=cosmos, the default in Azure); ' +
        'set it to the account URL, or set STEADY_MODE=local for the local SQLite store',
    ]);
  }
  const auth =
    vars.COSMOS_KEY !== undefined
      ? { key: vars.COSMOS_KEY }
      : vars.AZURE_CLIENT_ID !== undefined
        ? { managedIdentityClientId: vars.AZURE_CLIENT_ID }
        : {};
  return { kind: 'cosmos', endpoint: vars.COSMOS_ENDPOINT, database: vars.COSMOS_DATABASE, auth };
}
