import { ConfigError, type Config } from '../../shared/config.js';
import { fail, pass, type Outcome } from './check.js';

/**
 * The configuration check: the app's own `loadConfig`, so the doctor judges the settings exactly as
 * the functions do. A `ConfigError` is a failure naming every bad setting; anything else is a bug.
 */
export function checkConfig(load: () => Config): { outcome: Outcome; config?: Config } {
  try {
    const config = load();
    return { outcome: pass(`valid: ${summary(config)}`), config };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      outcome: fail(
        error.problems.join('; '),
        'set these in the Function App (portal: Function App > Settings > Environment variables) or in ' +
          "this shell or --env-file; the README's settings table explains each",
      ),
    };
  }
}

function summary(config: Config): string {
  const store =
    config.store.kind === 'sqlite'
      ? `SQLite store ${config.store.file}`
      : `Cosmos DB ${config.store.endpoint} database ${config.store.database} (${'key' in config.store.auth ? 'key' : 'Microsoft Entra sign-in'})`;
  const queue = 'connectionString' in config.queue ? 'connection string' : 'Microsoft Entra sign-in';
  const google =
    config.google.auth.kind === 'serviceAccount'
      ? `service account ${config.google.auth.clientEmail}`
      : 'preset token';
  const bot = config.bot.auth;
  const botText =
    bot.kind === 'local'
      ? 'local bot'
      : `bot ${bot.appId} (${bot.kind === 'secret' ? 'client secret' : 'managed identity'})`;
  return `${config.mode} mode; ${store}; queues by ${queue}; Google ${google}; ${botText}`;
}
