import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProgrammingModel } from './core-types.js';
import { functionsCore, type Registrations } from './functions-core.js';

/**
 * Imports the entry with `@azure/functions-core` in place and returns what it registered and the
 * library's programming model. A module runs once per process, so a second call for the same entry
 * returns the first capture.
 */
export async function captureFunctions(
  entry: string,
): Promise<{ registrations: Registrations; programmingModel: ProgrammingModel }> {
  const core = functionsCore();
  const url = isAbsolute(entry) ? pathToFileURL(entry).href : entry;
  let registrations = core.entries.get(url);
  if (registrations === undefined) {
    registrations = importUnderCapture(url);
    core.entries.set(url, registrations);
    registrations.catch(() => core.entries.delete(url));
  }
  const captured = await registrations;
  const programmingModel = core.programmingModel;
  if (programmingModel === undefined || captured.functions.length === 0) {
    throw new Error(
      `${entry} registered no functions with the dev host. Does it import '@azure/functions' and call app.*? ` +
        `If '@azure/functions' was used before the dev host module loaded, it switched to "test mode" ` +
        `for good: import the dev host first.`,
    );
  }
  if (!core.capabilitiesLocked) {
    // What the worker does once the app has loaded: lock `app.setup()` and read the capabilities.
    const capabilities = (await programmingModel.getCapabilities?.({})) ?? {};
    core.capabilitiesLocked = true;
    if (capabilities['HttpUri'] !== undefined) {
      throw new Error('the dev host does not support app.setup({ enableHttpStream: true })');
    }
  }
  return { registrations: captured, programmingModel };
}

function importUnderCapture(url: string): Promise<Registrations> {
  const core = functionsCore();
  const run = core.lock.then(async () => {
    const capture: Registrations = {
      functions: core.unclaimed.functions.splice(0),
      hooks: core.unclaimed.hooks.splice(0),
    };
    core.capture = capture;
    try {
      await import(url);
    } finally {
      core.capture = undefined;
    }
    return capture;
  });
  core.lock = run.catch(() => undefined);
  return run;
}
