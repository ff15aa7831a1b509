/**
 * `npm start`: the local run. For now it opens the local store and says what runs; the functions
 * dev host, Azurite, the fake Google Calendar and the fake Teams inbox join it with issue 6.
 */
import { loadConfig } from '../shared/config.js';
import { createRoot } from '../shared/root.js';

/** The sandbox's embedded defaults: local mode, SQLite under `.steady/`. The environment overrides. */
export const SANDBOX_DEFAULTS = { STEADY_MODE: 'local', STEADY_DATA_DIR: '.steady' } as const;

const config = loadConfig(undefined, SANDBOX_DEFAULTS);
const root = createRoot(config);
const store = await root.store();
await store.calendars.get('sandbox', 'sandbox');
await store.close();

const where =
  config.store.kind === 'sqlite' ? `SQLite at ${config.store.file}` : `Cosmos DB at ${config.store.endpoint}`;
console.log(
  [
    'Steady: local sandbox',
    `  store        ${where} (ready)`,
    `  agendas      ${config.agendaLeadMinutes} min before each 1:1; summaries ${config.summaryDelayMinutes} min after`,
    '  not yet here the functions dev host, Azurite, the fake Google Calendar and the fake Teams inbox (issue 6)',
    '  run the tests with: npm test',
  ].join('\n'),
);
