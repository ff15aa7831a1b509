import { auth } from '@googleapis/calendar';

/** The auth client for one user's calendar. */
export type AuthFor = (subject: string) => InstanceType<typeof auth.JWT> | InstanceType<typeof auth.OAuth2>;

/** The one scope Steady asks for through domain-wide delegation: read events. */
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.events.readonly';

/**
 * A service account with domain-wide delegation: one JWT client per user (`subject`), each caching
 * its own access token.
 */
export function delegatedAuth(serviceAccount: { clientEmail: string; privateKey: string }): AuthFor {
  const clients = new Map<string, InstanceType<typeof auth.JWT>>();
  return (subject) => {
    let client = clients.get(subject);
    if (client === undefined) {
      client = new auth.JWT({
        email: serviceAccount.clientEmail,
        key: serviceAccount.privateKey,
        scopes: [CALENDAR_SCOPE],
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
