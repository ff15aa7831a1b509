/**
 * `npm start` with real credentials: the real Google Calendar (the service account's domain-wide
 * delegation) and Microsoft Teams (the bot's app registration), with the SQLite store and Azurite
 * queues under the data folder and the functions dev host on :7071 running the real
 * `functions/index.ts`. Teams and Google reach it through an HTTPS tunnel to that port.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../shared/config.js';
import { createRoot, setRoot } from '../app/root.js';
import { startAzuriteQueue } from './azurite-queue.js';
import { startDevHost } from './dev-host/index.js';
import { stopOnSignals } from './stop-on-signals.js';

export async function startReal(base: Config): Promise<void> {
  const dataDir = base.store.kind === 'sqlite' ? base.store.file.replace(/\/[^/]+$/, '') : '.steady';
  mkdirSync(dataDir, { recursive: true });
  const azurite = await startAzuriteQueue(`${dataDir}/azurite`);
  const host = await startDevHost({
    entry: fileURLToPath(new URL('../functions/index.js', import.meta.url)),
    hostJsonPath: fileURLToPath(new URL('../../host.json', import.meta.url)),
    port: base.sandbox.hostPort,
    storageConnectionString: azurite.connectionString,
    now: () => new Date(),
    timers: 'schedule',
    log: (line) => console.log(line),
  });
  const config = loadConfig(undefined, {
    STEADY_MODE: 'local',
    AzureWebJobsStorage: azurite.connectionString,
  });
  setRoot(createRoot(config));
  const tunnel = config.webhookUrl.replace(/\/api\/calendar\/webhook\/?$/, '');
  console.log(
    [
      'Steady is running locally against the real Google Calendar and Microsoft Teams.',
      '',
      `  functions  ${host.url}/api/… (${host.functions.map((f) => f.name).join(', ')})`,
      `  teams      set the Azure Bot's messaging endpoint to ${tunnel}/api/messages (bot ${base.bot.auth.kind === 'local' ? '' : base.bot.auth.appId})`,
      `  google     calendar changes are pushed to ${config.webhookUrl}`,
      `  store      ${config.store.kind === 'sqlite' ? `SQLite at ${config.store.file}` : `Cosmos DB at ${config.store.endpoint}`}; queues in Azurite under ${dataDir}/azurite`,
      `  tenants    ${config.bot.allowedTenants.join(', ')}`,
      '',
      'Install the Teams app (npm run package:teams) to start; people are found when they install it.',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
  stopOnSignals(async () => {
    await host.stop();
    await azurite.stop();
  });
}
