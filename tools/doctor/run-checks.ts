import type { Config } from '../../shared/config.js';
import { fail, skip, type Check, type Outcome } from './check.js';
import { checkConfig } from './check-config.js';
import type { DoctorOptions } from './options.js';
import { withTimeout } from './with-timeout.js';

/** A check's name and outcome, in the order printed. */
export interface Report {
  readonly name: string;
  readonly outcome: Outcome;
}

/**
 * The configuration first; then, if it is valid, every other check at once, each under the timeout
 * (all are skipped when the configuration is not usable). Reports come back in the checks' order.
 */
export async function runChecks(
  load: () => Config,
  options: DoctorOptions,
  checks: readonly Check[],
): Promise<Report[]> {
  const { outcome, config } = checkConfig(load);
  const first = { name: 'config', outcome };
  if (config === undefined)
    return [
      first,
      ...checks.map((c) => ({ name: c.name, outcome: skip('needs a valid configuration (see config)') })),
    ];
  const independent = checks.filter((check) => check.needs === undefined);
  const done = await Promise.all(independent.map((check) => runOne(check, config, options)));
  for (const check of checks.filter((c) => c.needs !== undefined)) {
    const needed = done.find((report) => report.name === check.needs);
    done.push(
      needed?.outcome.status === 'PASS'
        ? await runOne(check, config, options)
        : { name: check.name, outcome: skip(`needs a working ${check.needs} (see ${check.needs})`) },
    );
  }
  return [first, ...checks.map((check) => done.find((report) => report.name === check.name)!)];
}

async function runOne(check: Check, config: Config, options: DoctorOptions): Promise<Report> {
  const controller = new AbortController();
  const seconds = options.timeoutMs / 1000;
  const work = check
    .run({ config, options, signal: controller.signal })
    .catch((error: unknown) =>
      fail(
        `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        'no known cause matched this answer; check the settings it names, and report it with this output',
      ),
    );
  const outcome = await withTimeout(
    work,
    options.timeoutMs,
    () => controller.abort(),
    () => fail(`no answer within ${seconds} s`, check.timeoutFix(config)),
  );
  return { name: check.name, outcome };
}
