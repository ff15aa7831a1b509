import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CalendarStore } from './calendar-store.js';
import type { FakeGoogleCalendar, FakeGoogleCalendarOptions } from './fake-google-calendar.js';
import { DirectoryData } from './directory-data.js';
import { Faults } from './faults.js';
import { Notifier } from './notifications.js';
import { cancelOccurrence, declineOccurrence, moveOccurrence } from './occurrence-changes.js';
import { RequestLog } from './request-log.js';
import { deleteEvent, deleteSeries, splitSeries, truncateSeries } from './series-changes.js';
import { requestHandler } from './server.js';
import { upsertEvent } from './upsert-event.js';

/** Starts the fake on 127.0.0.1 at a free port; the Google client talks to it with `rootUrl: fake.url + '/'`. */
export async function startFakeGoogleCalendar(
  options: FakeGoogleCalendarOptions = {},
): Promise<FakeGoogleCalendar> {
  const pageSize = options.pageSize ?? 250;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  const now = options.now ?? (() => new Date());
  const notifier = new Notifier(now);
  const store = new CalendarStore(now, (calendarId) => notifier.changed(calendarId));
  const faults = new Faults();
  const log = new RequestLog();
  const directory = new DirectoryData(options.directory);

  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on(
    'request',
    requestHandler({
      context: {
        store,
        notifier,
        pageSize,
        emptyPages: options.emptyPages ?? false,
        url,
        directory,
        ...(options.directoryTokens === undefined ? {} : { directoryTokens: options.directoryTokens }),
      },
      faults,
      log,
    }),
  );

  return {
    url,
    async stop() {
      await notifier.flush();
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
    upsertEvent: (calendarId, event) => upsertEvent(store, calendarId, event),
    cancelOccurrence: (calendarId, masterId, at) => cancelOccurrence(store, calendarId, masterId, at),
    moveOccurrence: (calendarId, masterId, at, start, end) =>
      moveOccurrence(store, calendarId, masterId, at, start, end),
    declineOccurrence: (calendarId, masterId, at, email) =>
      declineOccurrence(store, calendarId, masterId, at, email),
    truncateSeries: (calendarId, masterId, until) => truncateSeries(store, calendarId, masterId, until),
    splitSeries: (calendarId, masterId, from, changes) =>
      splitSeries(store, calendarId, masterId, from, changes),
    deleteSeries: (calendarId, masterId) => deleteSeries(store, calendarId, masterId),
    deleteEvent: (calendarId, eventId) => deleteEvent(store, calendarId, eventId),
    events: (calendarId) =>
      store
        .calendar(calendarId)
        .all()
        .map(({ resource }) => structuredClone(resource)),
    setDirectoryUser: (user) => directory.put(user),
    removeDirectoryUser: (primaryEmail) => directory.remove(primaryEmail),
    requireFullSync: (calendarId) => store.requireFullSync(calendarId),
    failNext: (count, status, match) => faults.add(count, status, match),
    dropNotifications: (count) => notifier.drop(count),
    flushNotifications: () => notifier.flush(),
    notifications: () => notifier.deliveries(),
    get requests() {
      return log.requests;
    },
    count: (operation, calendarId) => log.count(operation, calendarId),
    resetCounts: () => log.reset(),
    channels: () =>
      notifier.channels().map((channel) => ({
        id: channel.id,
        ...(channel.token !== undefined ? { token: channel.token } : {}),
        resourceId: channel.resourceId,
        address: channel.address,
        expiration: channel.expiration,
        calendarId: channel.calendarId,
        stopped: channel.stopped,
      })),
  };
}
