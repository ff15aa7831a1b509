import { pass, skip, type Check } from './check.js';
import { calendarFailure, tokenFailure } from './google-failure.js';
import { GOOGLE_TOKEN_URL, redirectTokenRequests } from './redirect-token-requests.js';

/**
 * Domain-wide delegation for one user, as the app does it: the adapter's own JWT client
 * (`delegatedAuth`) fetches a token with `sub` = that user, then one `events.list` reads their calendar.
 */
export const googleCheck: Check = {
  name: 'google',
  run: async ({ config, options, signal }) => {
    const auth = config.google.auth;
    if (auth.kind === 'presetToken')
      return skip('local mode without a service account: the fake Google Calendar takes a preset token');
    const user = options.googleUser;
    if (user === undefined)
      return skip(
        `add --google-user <email of a Workspace user> to fetch a delegated token for ${auth.clientEmail} and read that user's calendar`,
      );
    const [{ delegatedAuth, CALENDAR_SCOPE }, { auth: google, calendar }] = await Promise.all([
      import('../../shared/adapters/google/google-auth.js'),
      import('@googleapis/calendar'),
    ]);
    const client = delegatedAuth(auth)(user);
    if (!(client instanceof google.JWT)) throw new Error('delegatedAuth did not give a JWT client');
    const tokenUrl = options.googleTokenUrl ?? GOOGLE_TOKEN_URL;
    if (options.googleTokenUrl !== undefined) redirectTokenRequests(client, options.googleTokenUrl);
    try {
      await client.authorize();
    } catch (error) {
      return tokenFailure(error, { user, serviceAccount: auth.clientEmail, scope: CALENDAR_SCOPE, tokenUrl });
    }
    const rootUrl = config.google.rootUrl;
    try {
      const api = calendar({ version: 'v3', rootUrl, auth: client, retry: false });
      const { data } = await api.events.list({ calendarId: user, maxResults: 1 }, { signal });
      const events = data.items?.length ?? 0;
      return pass(
        `delegated token for ${user} from ${auth.clientEmail} (scope ${CALENDAR_SCOPE}); ` +
          `their calendar answered at ${rootUrl} (${events} event${events === 1 ? '' : 's'} on the first page of 1)`,
      );
    } catch (error) {
      return calendarFailure(error, { user, rootUrl });
    }
  },
  timeoutFix: (config) =>
    `check that this machine reaches oauth2.googleapis.com and ${config.google.rootUrl} over HTTPS (proxy, firewall)`,
};
