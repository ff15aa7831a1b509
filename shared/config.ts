/**
 * The configuration: one zod schema over the environment. This is the only module that reads
 * `process.env`; everything else receives a `Config`.
 */
import { z } from 'zod';
import type { AddressRules } from './domain/address-rules.js';
import {
  addressRules,
  bot,
  cosmos,
  digestKey,
  directory,
  googleAuth,
  oldDigestKeys,
  queue,
  webhookUrl,
} from './config-sections.js';

export { LOCAL_DIGEST_KEY, LOCAL_TENANT } from './config-sections.js';

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
  /** Google Calendar's API origin; the sandbox points it at the fake. */
  GOOGLE_ROOT_URL: z
    .url({ error: 'must be a URL like https://www.googleapis.com/' })
    .default('https://www.googleapis.com/'),
  /** The service account with domain-wide delegation for `calendar.events.readonly`. */
  GOOGLE_SERVICE_ACCOUNT_EMAIL: optionalText,
  /** Its private key (PEM; `\n` escapes are accepted), from Key Vault in Azure. */
  GOOGLE_PRIVATE_KEY: optionalText,
  /** The public HTTPS address of the calendar webhook, `https://<app>.azurewebsites.net/api/calendar/webhook`. */
  CALENDAR_WEBHOOK_URL: z
    .url({ error: 'must be the webhook URL, like https://steady.azurewebsites.net/api/calendar/webhook' })
    .optional(),
  /** The Functions storage account: a connection string (Azurite locally) ... */
  AzureWebJobsStorage: optionalText,
  /** ... or, with a managed identity, the queue service URI. */
  AzureWebJobsStorage__queueServiceUri: z.url({ error: 'must be the queue service URL' }).optional(),
  /** The key of the keyed digests (HMAC-SHA256) that stand for email addresses; from Key Vault in Azure. */
  STEADY_DIGEST_KEY: optionalText,
  /** Keys used before a rotation, comma-separated (`none`: none): erasures made under them still match. */
  STEADY_OLD_DIGEST_KEYS: optionalText,
  /** The bot's Microsoft app id (the Azure Bot's app registration or user-assigned identity client id). */
  BOT_ID: optionalText,
  /** The app registration's client secret; without it the bot signs in with its managed identity. */
  BOT_PASSWORD: optionalText,
  /** The Entra tenant of the bot's app registration (single-tenant bots). */
  BOT_TENANT_ID: optionalText,
  /** Comma-separated Entra tenant ids whose people may use Steady. */
  ALLOWED_TENANTS: optionalText,
  /** Which domains each tenant's people may claim: `tid1=contoso.com,contoso.de;tid2=fabrikam.com`. */
  TENANT_DOMAINS: optionalText,
  /** Teams domains that are other Google domains: `contoso.onmicrosoft.com=contoso.com,…`. */
  DOMAIN_MAP: optionalText,
  /** Who says who manages whom and which addresses are one person: `google`, `graph` (refused) or `none`. */
  DIRECTORY: z
    .enum(['google', 'graph', 'none'], { error: 'must be "google", "graph" or "none"' })
    .default('none'),
  /** The Workspace admin (a role with Users > Read is enough) the directory lookups act as. */
  GOOGLE_DIRECTORY_ADMIN: optionalText,
  /** `npm start` only: the port of the functions dev host (0 = any free port). */
  STEADY_HOST_PORT: z.coerce.number().int().min(0).max(65535).default(7071),
  /** `npm start` only: the port of the fake Teams inbox page (0 = any free port). */
  STEADY_INBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3979),
  AGENDA_LEAD_MINUTES: minutes(1440, 14 * 1440),
  SUMMARY_DELAY_MINUTES: minutes(15, 1440),
});

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
  readonly google: {
    readonly rootUrl: string;
    readonly auth:
      | { readonly kind: 'serviceAccount'; readonly clientEmail: string; readonly privateKey: string }
      | { readonly kind: 'presetToken'; readonly token: string };
  };
  readonly webhookUrl: string;
  readonly queue:
    | { readonly connectionString: string }
    | { readonly queueServiceUri: string; readonly managedIdentityClientId?: string };
  readonly bot: {
    /** `local`: no Bot Framework token is checked or fetched (the sandbox only). */
    readonly auth:
      | { readonly kind: 'local' }
      | {
          readonly kind: 'secret';
          readonly appId: string;
          readonly password: string;
          readonly tenantId: string;
        }
      | { readonly kind: 'managedIdentity'; readonly appId: string; readonly tenantId: string };
    readonly allowedTenants: readonly string[];
  };
  /** The key of the digests that stand for an email address (erasure records, log lines). */
  readonly digestKey: string;
  /** The keys `digestKey` replaced: erasure records kept under them are still found. */
  readonly oldDigestKeys: readonly string[];
  /** Who manages whom, and which addresses are one person. */
  readonly directory:
    | { readonly kind: 'none' }
    /** `adminSubject` absent only with the local preset token (the fake Google checks no subject). */
    | { readonly kind: 'google'; readonly adminSubject?: string };
  /** How a Teams address becomes a Google one, and which domains a tenant's people may claim. */
  readonly identity: AddressRules;
  readonly agendaLeadMinutes: number;
  readonly summaryDelayMinutes: number;
  readonly sandbox: { readonly hostPort: number; readonly inboxPort: number };
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
  const local = vars.STEADY_MODE === 'local';
  const storeKind = vars.STEADY_STORE ?? (local ? 'sqlite' : 'cosmos');
  const problems: string[] = [];
  const config: Config = {
    mode: vars.STEADY_MODE,
    store:
      storeKind === 'sqlite'
        ? { kind: 'sqlite', file: `${vars.STEADY_DATA_DIR}/steady.db` }
        : cosmos(vars, problems),
    google: { rootUrl: vars.GOOGLE_ROOT_URL, auth: googleAuth(vars, problems) },
    webhookUrl: webhookUrl(vars, problems),
    queue: queue(vars, problems),
    bot: bot(vars, problems),
    digestKey: digestKey(vars, problems),
    oldDigestKeys: oldDigestKeys(vars, problems),
    directory: directory(vars, problems),
    identity: addressRules(vars, problems),
    agendaLeadMinutes: vars.AGENDA_LEAD_MINUTES,
    summaryDelayMinutes: vars.SUMMARY_DELAY_MINUTES,
    sandbox: { hostPort: vars.STEADY_HOST_PORT, inboxPort: vars.STEADY_INBOX_PORT },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
