import { parseArgs } from 'node:util';

/** The doctor's command line. */
export interface DoctorOptions {
  /** A Workspace user to fetch a delegated Google token for; without it the Google check is skipped. */
  readonly googleUser?: string;
  /** Tests only: where the Google JWT client's token request goes instead of oauth2.googleapis.com. */
  readonly googleTokenUrl?: string;
  /** Tests only: the Entra login origin instead of https://login.microsoftonline.com. */
  readonly loginUrl?: string;
  /** A file of `NAME=value` lines read into the environment before the configuration. */
  readonly envFile?: string;
  readonly timeoutMs: number;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run doctor -- [options]

Reads Steady's configuration from the environment and checks each dependency it names.
Exit status: 0 when no check failed, 1 when one did, 2 for a bad command line.

Options:
  --google-user <email>      a Workspace user whose calendar the Google check reads through
                             domain-wide delegation (without it, that check is skipped)
  --env-file <file>          read NAME=value settings from this file first (the environment wins)
  --timeout <seconds>        the time each check may take (default 10)
  --google-token-url <url>   testing only: Google's OAuth token endpoint (a fake)
  --login-url <url>          testing only: the Entra login origin (a fake)
  --help                     this text`;

/** Parses `argv` (without node and the script), or returns the problem with it. */
export function parseOptions(argv: readonly string[]): DoctorOptions | { readonly error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        'google-user': { type: 'string' },
        'google-token-url': { type: 'string' },
        'login-url': { type: 'string' },
        'env-file': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const seconds = Number(values.timeout ?? '10');
  if (!Number.isFinite(seconds) || seconds <= 0)
    return { error: `--timeout must be a positive number of seconds, got '${values.timeout}'` };
  const user = values['google-user']?.trim();
  if (user !== undefined && !/^[^@\s]+@[^@\s]+$/.test(user))
    return { error: `--google-user must be an email address, got '${user}'` };
  for (const name of ['google-token-url', 'login-url'] as const) {
    const url = values[name];
    if (url !== undefined && !URL.canParse(url)) return { error: `--${name} must be a URL, got '${url}'` };
  }
  return {
    timeoutMs: seconds * 1000,
    help: values.help,
    ...(user === undefined ? {} : { googleUser: user.toLowerCase() }),
    ...(values['google-token-url'] === undefined ? {} : { googleTokenUrl: values['google-token-url'] }),
    ...(values['login-url'] === undefined ? {} : { loginUrl: values['login-url'].replace(/\/+$/, '') }),
    ...(values['env-file'] === undefined ? {} : { envFile: values['env-file'] }),
  };
}
