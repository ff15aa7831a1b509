/** Which Calendar v3 operation a request is, with the ids from its path. */
export type Route =
  | { operation: 'list'; calendarId: string }
  | { operation: 'get'; calendarId: string; eventId: string }
  | { operation: 'instances'; calendarId: string; eventId: string }
  | { operation: 'watch'; calendarId: string }
  | { operation: 'stop' }
  | { operation: 'directoryUser'; userKey: string }
  | { operation: 'other' };

export type Operation = Route['operation'];

/** Matches the decoded path segments (`decodeSegments`); anything unknown is `other` (a 404). */
export function matchRoute(method: string, segments: readonly string[] | undefined): Route {
  if (!segments) return { operation: 'other' };
  const [root, version, collection, calendarId, events, eventId, sub, ...rest] = segments;
  // Admin SDK Directory API: GET /admin/directory/v1/users/{userKey}
  if (root === 'admin' && version === 'directory' && collection === 'v1' && calendarId === 'users')
    return method === 'GET' && events && eventId === undefined
      ? { operation: 'directoryUser', userKey: events }
      : { operation: 'other' };
  if (root !== 'calendar' || version !== 'v3') return { operation: 'other' };
  if (collection === 'channels' && calendarId === 'stop' && events === undefined && method === 'POST') {
    return { operation: 'stop' };
  }
  if (collection !== 'calendars' || !calendarId || events !== 'events' || rest.length > 0)
    return { operation: 'other' };
  if (eventId === undefined)
    return method === 'GET' ? { operation: 'list', calendarId } : { operation: 'other' };
  if (sub === undefined) {
    if (eventId === 'watch' && method === 'POST') return { operation: 'watch', calendarId };
    return method === 'GET' && eventId ? { operation: 'get', calendarId, eventId } : { operation: 'other' };
  }
  return sub === 'instances' && method === 'GET' && eventId
    ? { operation: 'instances', calendarId, eventId }
    : { operation: 'other' };
}

/** `/calendar/v3/calendars/a%40b/events` → `['calendar','v3','calendars','a@b','events']`; undefined if not decodable. */
export function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}
