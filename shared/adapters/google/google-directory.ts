import { admin, type admin_directory_v1 } from '@googleapis/admin';
import type { Directory, DirectoryPerson } from '../../ports.js';
import type { AuthFor } from './google-auth.js';
import { statusOf, withRetry, type RetryPolicy } from './retry.js';
import { toDirectoryPerson } from './to-directory-person.js';

export interface GoogleDirectoryOptions {
  /** `https://admin.googleapis.com/` (the client's own default when absent), or the fake's origin. */
  readonly rootUrl?: string;
  /** Delegated auth with the directory scope (`DIRECTORY_SCOPE`). */
  readonly authFor: AuthFor;
  /** Who the lookups act as: a Workspace admin. Google's `admin_view`, which holds aliases, is for admins only. */
  readonly subject: string;
  readonly retry?: RetryPolicy;
  /** Per request; default 5 s. */
  readonly timeoutMs?: number;
}

/**
 * Short, unlike the calendar's: a lookup can sit in front of a chat reply (the first message of a
 * person), which Teams wants within seconds, and a failed lookup costs little (the cache keeps the
 * last answer, and the next call asks again). Three tries within about a second, 5 s per request.
 */
export const DIRECTORY_RETRY: RetryPolicy = { attempts: 3, baseMs: 200, maxMs: 800 };
const REQUEST_TIMEOUT_MS = 5_000;

/** Why the directory gave no answer (not "unknown person": that is `undefined`). Names no address. */
export class DirectoryUnavailable extends Error {
  override name = 'DirectoryUnavailable';
  constructor(
    readonly status: number | undefined,
    cause: unknown,
  ) {
    super(`the Google directory did not answer users.get (${status ?? 'no response'})`, { cause });
  }
}

/**
 * The Directory port on the Admin SDK Directory API (`users.get`): one lookup gives the person's
 * addresses and managers. A 404 is a person the directory does not know; anything else that is not
 * an answer is thrown as `DirectoryUnavailable` (the caching decorator keeps the last answer then).
 */
export function createGoogleDirectory(options: GoogleDirectoryOptions): Directory {
  const policy = options.retry ?? DIRECTORY_RETRY;
  let client: admin_directory_v1.Admin | undefined;
  const api = () =>
    (client ??= admin({
      version: 'directory_v1',
      auth: options.authFor(options.subject),
      retry: false,
      timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
      ...(options.rootUrl === undefined ? {} : { rootUrl: options.rootUrl }),
    }));

  const person = async (email: string): Promise<DirectoryPerson | undefined> => {
    try {
      const { data } = await withRetry(
        () =>
          api().users.get({
            userKey: email.toLowerCase(),
            viewType: 'admin_view',
            projection: 'basic',
            fields: 'id,primaryEmail,emails,aliases,nonEditableAliases,relations',
          }),
        policy,
      );
      return toDirectoryPerson(data);
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return undefined;
      throw new DirectoryUnavailable(status, error);
    }
  };
  return { person, managerOf: async (email) => (await person(email))?.managerEmail };
}
