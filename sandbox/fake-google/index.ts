/** A fake Google Calendar v3 server for the real `@googleapis/calendar` client. */
export { startFakeGoogleCalendar } from './start-fake-google-calendar.js';
export type { FakeChannel, FakeGoogleCalendar, FakeGoogleCalendarOptions } from './fake-google-calendar.js';
export type { FaultStatus } from './errors.js';
export type { FaultMatch } from './faults.js';
export type { Delivery } from './notifications.js';
export type { RecordedRequest } from './request-log.js';
export { basicUtc } from './basic-utc.js';
export {
  startFakeGoogleOAuth,
  type FakeGoogleOAuth,
  type FakeGoogleOAuthOptions,
} from './start-fake-google-oauth.js';
export type { FakeServiceAccount, IssuedToken } from './google-token.js';
export type { DirectoryTokens, FakeDirectoryUser } from './directory-data.js';
