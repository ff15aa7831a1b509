import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { err, ok, utc, type Result } from '../../domain/index.js';
import type { Calendar, CalendarError } from '../../ports.js';
import type { AuthFor } from './google-auth.js';
import { DEFAULT_RETRY, reasonOf, statusOf, withRetry, type RetryPolicy } from './retry.js';
import { toCalendarEvent } from './to-calendar-event.js';

export interface GoogleCalendarOptions {
  /** `https://www.googleapis.com/`, or the fake's origin. Any path is ignored by the client. */
  readonly rootUrl: string;
  readonly authFor: AuthFor;
  readonly retry?: RetryPolicy;
}

/** The Calendar port on Google Calendar v3 through `@googleapis/calendar`. */
export function createGoogleCalendar(options: GoogleCalendarOptions): Calendar {
  const policy = options.retry ?? DEFAULT_RETRY;
  const clients = new Map<string, calendar_v3.Calendar>();
  const clientFor = (calendarId: string) => {
    let client = clients.get(calendarId);
    if (client === undefined) {
      client = calendar({
        version: 'v3',
        rootUrl: options.rootUrl,
        auth: options.authFor(calendarId),
        retry: false,
      });
      clients.set(calendarId, client);
    }
    return client;
  };
  const call = <T>(fn: () => Promise<T>) => withRetry(fn, policy);

  return {
    async listChanges(calendarId, cursor) {
      try {
        const { data } = await call(() =>
          clientFor(calendarId).events.list({
            calendarId,
            singleEvents: false,
            showDeleted: true,
            maxResults: 2500,
            ...(cursor.syncToken ? { syncToken: cursor.syncToken } : {}),
            ...(cursor.pageToken ? { pageToken: cursor.pageToken } : {}),
          }),
        );
        return ok({
          events: (data.items ?? []).map(toCalendarEvent),
          ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
          ...(data.nextSyncToken ? { nextSyncToken: data.nextSyncToken } : {}),
        });
      } catch (error) {
        return expected(error);
      }
    },
    async instances(calendarId, eventId, window) {
      try {
        const events = [];
        let pageToken: string | undefined;
        do {
          const { data } = await call(() =>
            clientFor(calendarId).events.instances({
              calendarId,
              eventId,
              timeMin: window.from,
              timeMax: window.to,
              showDeleted: true,
              maxResults: 2500,
              ...(pageToken ? { pageToken } : {}),
            }),
          );
          events.push(...(data.items ?? []).map(toCalendarEvent));
          pageToken = data.nextPageToken ?? undefined;
        } while (pageToken !== undefined);
        return ok(events);
      } catch (error) {
        return expected(error);
      }
    },
    async watch(calendarId, channel) {
      const { data } = await call(() =>
        clientFor(calendarId).events.watch({
          calendarId,
          requestBody: { id: channel.id, token: channel.token, type: 'web_hook', address: channel.address },
        }),
      );
      if (!data.resourceId || !data.expiration)
        throw new Error('events.watch returned no resourceId or expiration');
      return { resourceId: data.resourceId, expiration: utc(new Date(Number(data.expiration))) };
    },
    async stopChannel(calendarId, channel) {
      try {
        await call(() => clientFor(calendarId).channels.stop({ requestBody: channel }));
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
  };
}

/** 410 `fullSyncRequired` and 404 are outcomes the sync handles; anything else is thrown. */
function expected(error: unknown): Result<never, CalendarError> {
  const status = statusOf(error);
  if (status === 410 || reasonOf(error).reason === 'fullSyncRequired')
    return err({ code: 'FULL_SYNC_REQUIRED' });
  if (status === 404) return err({ code: 'NOT_FOUND' });
  throw error;
}
