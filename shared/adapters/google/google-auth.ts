import { auth } from '@googleapis/calendar';

/** The auth client for one user's calendar. */
export type AuthFor = (subject: string) => InstanceType<typeof auth.JWT> | InstanceType<typeof auth.OAuth2>;

/** The scope Steady asks for through domain-wide delegation to read calendars: events only. */
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.events.readonly';

/** The scope of the directory lookups (`DIRECTORY=google`): read users, nothing else. */
export const DIRECTORY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user.readonly';

/**
 * A service account with domain-wide delegation: one JWT client per user (`subject`), each caching
 * its own access token. Each use asks for its own scope (calendar reads act as the calendar's owner,
 * directory reads as the directory admin), so a token never carries more than its call needs.
 */
export function delegatedAuth(
  serviceAccount: { clientEmail: string; privateKey: string },
  scope: string = CALENDAR_SCOPE,
): AuthFor {
  const clients = new Map<string, InstanceType<typeof auth.JWT>>();
  return (subject) => {
    let client = clients.get(subject);
    if (client === undefined) {
      client = new auth.JWT({
        email: serviceAccount.clientEmail,
        key: serviceAccount.privateKey,
        scopes: [scope],
        subject,
      });
      clients.set(subject, client);
    }
    return client;
  };
}

/** A fixed access token (the local fake Google Calendar): no token request is ever made. */
export function presetTokenAuth(accessToken: string): AuthFor {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: accessToken });
  return () => client;
}
