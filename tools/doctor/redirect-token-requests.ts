import type { auth } from '@googleapis/calendar';

/** Where google-auth-library's JWT client (through gtoken) posts its assertion; not configurable there. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * Tests only (`--google-token-url`): sends the JWT client's token request to a fake. gtoken fixes the
 * URL (and the assertion's `aud`) to Google's, but posts through the client's gaxios transporter, whose
 * request interceptors may change where a request goes. The assertion itself is left untouched.
 */
export function redirectTokenRequests(client: InstanceType<typeof auth.JWT>, tokenUrl: string): void {
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
      return options;
    },
  });
}
