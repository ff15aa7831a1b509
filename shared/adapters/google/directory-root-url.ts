/** Google's default API origin, `GOOGLE_ROOT_URL`'s default. */
const GOOGLE_DEFAULT_ROOT = 'https://www.googleapis.com/';

/**
 * Where the Directory API is reached: its own origin (admin.googleapis.com, the client's default:
 * `undefined`) unless GOOGLE_ROOT_URL names another than Google's, as the sandbox's fake serves both.
 */
export const directoryRootUrl = (googleRootUrl: string): string | undefined =>
  googleRootUrl === GOOGLE_DEFAULT_ROOT ? undefined : googleRootUrl;
