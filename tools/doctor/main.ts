/**
 * `npm run doctor`: reads Steady's configuration as the functions do and checks each dependency it
 * names, one line per check (PASS, FAIL with the fix, or SKIP with why). Exit 0 when nothing failed.
 */
import { loadConfig } from '../../shared/config.js';
import { addressesCheck } from './check-addresses.js';
import { botCheck } from './check-bot.js';
import { directoryCheck } from './check-directory.js';
import { googleCheck } from './check-google.js';
import { queueCheck } from './check-queue.js';
import { storeCheck } from './check-store.js';
import { formatReport, formatSummary } from './format.js';
import { parseOptions, USAGE } from './options.js';
import { runChecks } from './run-checks.js';

const options = parseOptions(process.argv.slice(2));
if ('error' in options) {
  console.error(`${options.error}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (options.envFile !== undefined) {
  try {
    process.loadEnvFile(options.envFile);
  } catch (error) {
    console.error(`--env-file ${options.envFile}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

const reports = await runChecks(() => loadConfig(), options, [
  storeCheck,
  queueCheck,
  googleCheck,
  directoryCheck,
  botCheck,
  addressesCheck,
]);
for (const report of reports) console.log(formatReport(report));
console.log(formatSummary(reports));
// A timed-out check may still hold a socket open: the verdict is in, so stop here.
process.exit(reports.some((r) => r.outcome.status === 'FAIL') ? 1 : 0);
