import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, faultError, GoogleApiError, loginRequired, notFound, parseError } from './errors.js';
import type { Faults } from './faults.js';
import { getDirectoryUser } from './get-directory-user.js';
import { getEvent } from './get-event.js';
import type { HandlerContext, Reply } from './handler-context.js';
import { listEvents } from './list-events.js';
import { listInstances } from './list-instances.js';
import type { RequestLog } from './request-log.js';
import { decodeSegments, matchRoute, type Route } from './routes.js';
import { stopChannel } from './stop-channel.js';
import { watchEvents } from './watch-events.js';
import { readBody } from '../read-body.js';

export interface ServerDeps {
  readonly context: HandlerContext;
  readonly faults: Faults;
  readonly log: RequestLog;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP edge: authentication, injected faults, routing, and a record of every request. Handlers
 * throw `GoogleApiError` for the answers Google gives; anything else is a bug of the fake, logged and
 * answered with a 500 so the server keeps serving the other tests.
 */
export function requestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      console.error('fake Google Calendar failed to answer', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const segments = decodeSegments(url.pathname);
  const path = segments ? `/${segments.join('/')}` : url.pathname;
  const query = Object.fromEntries(url.searchParams);
  const route = matchRoute(method, segments);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  const body = await readBody(req, MAX_BODY_BYTES);

  let reply: Reply;
  try {
    if (bearer === undefined) throw loginRequired();
    const fault = deps.faults.take(method, path, route.operation === 'directoryUser');
    if (fault !== undefined) throw faultError(fault);
    reply = dispatch(deps.context, route, query, body, bearer);
  } catch (error) {
    if (error instanceof GoogleApiError) reply = { status: error.status, body: error.body };
    else {
      console.error('fake Google Calendar handler failed', method, path, error);
      reply = { status: 500, body: faultError(500).body };
    }
  }
  deps.log.record({
    method,
    path,
    query,
    operation: route.operation,
    status: reply.status,
    ...(bearer !== undefined ? { bearer } : {}),
    ...('calendarId' in route ? { calendarId: route.calendarId } : {}),
  });
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  res
    .writeHead(reply.status, { 'content-type': 'application/json; charset=UTF-8' })
    .end(JSON.stringify(reply.body));
}

function dispatch(
  context: HandlerContext,
  route: Route,
  query: Record<string, string>,
  body: string | undefined,
  bearer: string,
): Reply {
  switch (route.operation) {
    case 'directoryUser':
      return getDirectoryUser(context.directory, context.directoryTokens, bearer, route.userKey, query);
    case 'list':
      return listEvents(context, route.calendarId, query);
    case 'get':
      return getEvent(context, route.calendarId, route.eventId);
    case 'instances':
      return listInstances(context, route.calendarId, route.eventId, query);
    case 'watch':
      return watchEvents(context, route.calendarId, parseJson(body));
    case 'stop':
      return stopChannel(context, parseJson(body));
    case 'other':
      throw notFound();
  }
}

function parseJson(body: string | undefined): unknown {
  if (body === undefined) throw badRequest('Request body too large.');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw parseError();
    throw error;
  }
}
