import type { Config } from '../../shared/config.js';
import type { DoctorOptions } from './options.js';

/** One check's result: a pass with what was seen, a failure with its fix, or a skip with why. */
export type Outcome =
  | { readonly status: 'PASS'; readonly detail: string }
  | { readonly status: 'FAIL'; readonly problem: string; readonly fix: string }
  | { readonly status: 'SKIP'; readonly reason: string };

export const pass = (detail: string): Outcome => ({ status: 'PASS', detail });
export const fail = (problem: string, fix: string): Outcome => ({ status: 'FAIL', problem, fix });
export const skip = (reason: string): Outcome => ({ status: 'SKIP', reason });

/** What a check receives: the parsed configuration, the command line, and an abort on timeout. */
export interface CheckContext {
  readonly config: Config;
  readonly options: DoctorOptions;
  readonly signal: AbortSignal;
}

/** A dependency check. Expected failures are returned as `fail(...)`; anything thrown is a surprise. */
export interface Check {
  readonly name: string;
  run(context: CheckContext): Promise<Outcome>;
  /** The fix to print when the dependency does not answer in time. */
  timeoutFix(config: Config): string;
  /** A check this one reads through: it runs after it, and is skipped unless that one passed. */
  readonly needs?: string;
}
