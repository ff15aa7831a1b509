import { fail, pass, skip, type Check } from './check.js';
import { directoryFailure } from './directory-failure.js';
import { tokenFailure } from './google-failure.js';
import { GOOGLE_TOKEN_URL, redirectTokenRequests } from './redirect-token-requests.js';

/**
 * The directory as the app reads it (`DIRECTORY=google`): a delegated token for the directory admin
 * with the directory scope, then `users.get` of `--google-user`, whose manager it reports.
 */
export const directoryCheck: Check = {
  name: 'directory',
  run: async ({ config, options }) => {
    const setting = config.directory;
    if (setting.kind === 'none')
      return skip(
        'DIRECTORY=none: no directory names managers or aliases (set DIRECTORY=google, docs/google-workspace.md)',
      );
    const auth = config.google.auth;
    if (auth.kind === 'presetToken' || setting.adminSubject === undefined)
      return skip('local mode without a service account: the fake Google directory takes a preset token');
    const user = options.googleUser;
    if (user === undefined)
      return skip(
        `add --google-user <email of a Workspace user> to look up their manager as ${setting.adminSubject}`,
      );
    const [
      { delegatedAuth, DIRECTORY_SCOPE },
      { createGoogleDirectory, DirectoryUnavailable },
      { directoryRootUrl },
    ] = await Promise.all([
      import('../../shared/adapters/google/google-auth.js'),
      import('../../shared/adapters/google/google-directory.js'),
      import('../../shared/adapters/google/directory-root-url.js'),
    ]);
    const admin = setting.adminSubject;
    const client = delegatedAuth(auth, DIRECTORY_SCOPE)(admin);
    const tokenUrl = options.googleTokenUrl ?? GOOGLE_TOKEN_URL;
    if ('subject' in client && options.googleTokenUrl !== undefined)
      redirectTokenRequests(client, options.googleTokenUrl);
    try {
      await client.getAccessToken();
    } catch (error) {
      return tokenFailure(error, {
        user: admin,
        serviceAccount: auth.clientEmail,
        scope: DIRECTORY_SCOPE,
        tokenUrl,
      });
    }
    const rootUrl = directoryRootUrl(config.google.rootUrl);
    const directory = createGoogleDirectory({
      ...(rootUrl === undefined ? {} : { rootUrl }),
      authFor: () => client,
      subject: admin,
      retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    });
    try {
      const person = await directory.person(user);
      if (person === undefined)
        return fail(
          `the directory has no user ${user}`,
          'pass --google-user with the primary address (or an alias) of an active Workspace user',
        );
      const managers = [person.managerEmail, ...person.dottedLineManagerEmails].filter(Boolean).length;
      return pass(
        `users.get as ${admin} (scope ${DIRECTORY_SCOPE}): ${person.primaryEmail}'s manager is ` +
          `${person.managerEmail ?? 'not named (set it in admin.google.com > Directory > Users > the user > Employee details)'}` +
          ` (${person.addresses.length} address${person.addresses.length === 1 ? '' : 'es'}, ${managers} manager${managers === 1 ? '' : 's'})`,
      );
    } catch (error) {
      if (!(error instanceof DirectoryUnavailable)) throw error;
      return directoryFailure(error, { admin, scope: DIRECTORY_SCOPE });
    }
  },
  timeoutFix: () =>
    'check that this machine reaches oauth2.googleapis.com and admin.googleapis.com over HTTPS (proxy, firewall)',
};
