/**
 * `npm start`: with no credentials in the environment, the whole of Steady on this machine with
 * fakes for Google Calendar and Teams (`start-local.ts`); with a Google service account and a bot
 * identity, the same functions against the real services (`start-real.ts`). See `sandbox-mode.ts`.
 */
import { ConfigError, loadConfig } from '../shared/config.js';
import { sandboxMode } from './sandbox-mode.js';

try {
  const base = loadConfig(undefined, { STEADY_MODE: 'local' });
  const mode = sandboxMode(base);
  switch (mode.kind) {
    case 'fakes':
      await (await import('./start-local.js')).startLocal(base);
      break;
    case 'real':
      await (await import('./start-real.js')).startReal(base);
      break;
    case 'invalid':
      throw new ConfigError(mode.problems);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`${error.message}\nNothing was started.`);
  process.exit(2);
}
