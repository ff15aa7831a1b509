import type { DirectoryUnavailable } from '../../shared/adapters/google/google-directory.js';
import { reasonOf } from '../../shared/adapters/google/retry.js';
import { fail, type Outcome } from './check.js';
import { messageOf, networkFailure } from './network-error.js';

const DELEGATION =
  'admin.google.com > Security > Access and data control > API controls > Manage Domain Wide Delegation';

/** Why `users.get` failed after a token was issued, and what to grant. */
export function directoryFailure(
  error: DirectoryUnavailable,
  context: { admin: string; scope: string },
): Outcome {
  const network = networkFailure(error.cause);
  if (network !== undefined)
    return fail(
      `cannot reach the Google directory (${network})`,
      'leave GOOGLE_ROOT_URL unset and allow outbound HTTPS to admin.googleapis.com',
    );
  const { reason = '' } = reasonOf(error.cause);
  const said = `${error.status ?? 'error'} ${reason}: ${messageOf(error.cause).slice(0, 200)}`;
  if (reason === 'insufficientPermissions')
    return fail(
      `the directory token lacks the scope ${context.scope} (${said})`,
      `in ${DELEGATION}, add ${context.scope} to the service account's client ID (keep the calendar scope)`,
    );
  if (reason === 'accessNotConfigured')
    return fail(
      `the Admin SDK API is not enabled in the service account's project (${said})`,
      'Google Cloud console > APIs & Services > Library > Admin SDK API > Enable',
    );
  if (error.status === 403)
    return fail(
      `${context.admin} may not read the directory (${said})`,
      'set GOOGLE_DIRECTORY_ADMIN to a Workspace admin whose role has Admin API privileges > Users > Read ' +
        '(admin.google.com > Account > Admin roles)',
    );
  return fail(
    `the Google directory refused users.get (${said})`,
    `check GOOGLE_DIRECTORY_ADMIN and the delegation of ${context.scope}`,
  );
}
