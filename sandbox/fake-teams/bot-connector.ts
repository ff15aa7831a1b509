import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectorContext, Reply } from './connector-context.js';
import {
  badArgument,
  ConnectorError,
  conversationNotFound,
  faultError,
  notInRoster,
  routeNotFound,
  throttled,
  tooLarge,
  unauthorized,
} from './connector-error.js';
import { connectorRoute, pathSegments, type ConnectorRoute } from './connector-route.js';
import { conversationActivities } from './conversation-activities.js';
import { conversationMembers } from './conversation-members.js';
import { createConversation, tenantOfCreate } from './create-conversation.js';
import type { RecordedRequest } from './fake-teams.js';
import type { Faults } from './faults.js';
import type { PersonalChat } from './personal-chats.js';
import { readBody } from '../read-body.js';
import type { Throttle, ThrottleRules } from './throttle.js';

/** Teams refuses bot messages much past 100 KB. */
const MAX_BODY_BYTES = 100 * 1024;

export interface BotConnectorDeps {
  readonly context: ConnectorContext;
  readonly faults: Faults;
  readonly throttle: Throttle;
  readonly rules: ThrottleRules;
  readonly requests: RecordedRequest[];
}

/**
 * The Bot Connector edge, in Teams' order: a bearer token, injected faults, the route, the
 * conversation, the rate limits, the roster (403 once the app was removed), then the operation.
 * Expected answers are thrown as `ConnectorError`; anything else is a bug of the fake, answered 500.
 */
export async function botConnector(
  deps: BotConnectorDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  // Not `new URL(req.url)`: it reads the `//v3/…` of a service URL ending in `/` as a host.
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const segments = pathSegments(pathname);
  const path = segments ? `/${segments.join('/')}` : pathname;
  const auth = req.headers.authorization;
  const at = deps.context.now();
  const text = await readBody(req, MAX_BODY_BYTES);

  let reply: Reply;
  let headers: Readonly<Record<string, string>> = {};
  try {
    reply = answer(deps, method, path, segments, auth, text);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    reply = { status: error.status, body: error.body };
    headers = error.headers;
  }
  deps.requests.push({ method, path, status: reply.status, at, ...(auth !== undefined ? { auth } : {}) });
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res
    .writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(reply.body));
}

function answer(
  deps: BotConnectorDeps,
  method: string,
  path: string,
  segments: string[] | undefined,
  auth: string | undefined,
  text: string | undefined,
): Reply {
  if (!/^Bearer\s+\S+/i.test(auth ?? '')) throw unauthorized();
  const fault = deps.faults.take(method, path);
  if (fault !== undefined) throw faultError(fault);
  if (text === undefined) throw tooLarge();
  const body = () => parseJson(text);
  const route: ConnectorRoute = segments ? connectorRoute(method, segments) : { op: 'unknown' };
  const { context } = deps;
  if (route.op === 'unknown') throw routeNotFound();
  if (route.op === 'createConversation') {
    const parsed = body();
    const tenantId = tenantOfCreate(parsed);
    if (tenantId !== undefined) limit(deps, [{ key: `tenant|${tenantId}`, windows: deps.rules.tenant }]);
    return createConversation(context, parsed);
  }
  const chat = context.chats.get(route.conversationId);
  if (!chat) throw conversationNotFound();
  limitChat(deps, chat);
  if (!chat.installed) throw notInRoster();
  switch (route.op) {
    case 'send':
    case 'reply':
    case 'update':
    case 'delete':
      return conversationActivities(context, chat, route, body);
    case 'members':
    case 'pagedMembers':
    case 'member':
    case 'activityMembers':
      return conversationMembers(context, chat, route);
  }
}

function limitChat(deps: BotConnectorDeps, chat: PersonalChat): void {
  limit(deps, [
    { key: `conversation|${chat.id}`, windows: deps.rules.conversation },
    { key: `tenant|${chat.tenantId}`, windows: deps.rules.tenant },
  ]);
}

function limit(deps: BotConnectorDeps, keys: Parameters<Throttle['take']>[0]): void {
  const retryAfter = deps.throttle.take(keys);
  if (retryAfter !== undefined) throw throttled(retryAfter);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw badArgument('The request body is not valid JSON.');
    throw error;
  }
}
