import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ChatLog } from './chat-log.js';
import type { Directory } from './directory.js';
import type { BotReply, InboxClock } from './fake-teams.js';
import { hostConfigJson, RENDERER_PATH } from './host-config.js';
import { INBOX_PAGE } from './inbox-page.js';
import { INBOX_SCRIPT } from './inbox-script.js';
import { inboxView } from './inbox-view.js';
import type { PersonalChats } from './personal-chats.js';
import { readBody } from '../read-body.js';
import type { TeamsClient } from './teams-client.js';
import { UsageError } from './usage-error.js';

export interface InboxDeps {
  readonly origin: string;
  readonly directory: Directory;
  readonly chats: PersonalChats;
  readonly log: ChatLog;
  readonly client: TeamsClient;
  readonly hostConfigPath: string;
  readonly clock?: InboxClock;
}

const Advance = z.object({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 31),
});

const Say = z.object({ email: z.string(), text: z.string().min(1).max(20_000) });
const Install = z.object({ email: z.string() });
const FileConsent = z.object({ email: z.string(), action: z.enum(['accept', 'decline']) });
const Invoke = z.object({
  email: z.string(),
  verb: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  replyToId: z.string().optional(),
});

/** Card content comes from the bot: the page may load only its own script, and images from anywhere. */
const CSP = "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/**
 * The inbox page at `/`, its script and the renderer, the chats as JSON (`GET /inbox/api/chats`), and
 * what a person does (`POST /inbox/api/say|invoke|install`). Answers false for any other path.
 */
export function inbox(deps: InboxDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET') {
      switch (path) {
        case '/':
          return send(res, 200, 'text/html; charset=utf-8', INBOX_PAGE);
        case '/inbox/inbox.js':
          return send(res, 200, 'text/javascript; charset=utf-8', INBOX_SCRIPT);
        case '/inbox/adaptivecards.min.js':
          return send(res, 200, 'text/javascript; charset=utf-8', await readFile(RENDERER_PATH));
        case '/inbox/hostconfig.json':
          return send(res, 200, 'application/json', await hostConfigJson(deps.hostConfigPath));
        case '/favicon.ico':
          res.writeHead(204).end();
          return true;
        case '/inbox/api/chats':
          return json(res, 200, {
            ...inboxView(deps.directory, deps.chats, deps.log),
            clock: deps.clock?.now().toISOString() ?? null,
          });
        default:
          return false;
      }
    }
    if (method !== 'POST' || !path.startsWith('/inbox/api/')) return false;
    // A JSON content type forces a CORS preflight, which is never answered, on other sites' pages.
    const origin = req.headers.origin;
    if (
      !/^application\/json\b/i.test(req.headers['content-type'] ?? '') ||
      (origin !== undefined && origin !== deps.origin)
    )
      return json(res, 403, { error: 'inbox calls come from the inbox page' });
    const body = parse(await readBody(req, 64 * 1024));
    try {
      switch (path) {
        case '/inbox/api/say': {
          const { email, text } = Say.parse(body);
          return json(res, 200, reply(await deps.client.say(email, text)));
        }
        case '/inbox/api/invoke': {
          const { email, verb, data, replyToId } = Invoke.parse(body);
          return json(res, 200, reply(await deps.client.invoke(email, { verb, data }, replyToId)));
        }
        case '/inbox/api/clock': {
          if (deps.clock === undefined) return false;
          await deps.clock.advance(Advance.parse(body).minutes);
          return json(res, 200, { clock: deps.clock.now().toISOString() });
        }
        case '/inbox/api/file-consent': {
          const { email, action } = FileConsent.parse(body);
          return json(res, 200, reply(await deps.client.fileConsent(email, action)));
        }
        case '/inbox/api/install': {
          const { email } = Install.parse(body);
          return json(res, 200, reply(await deps.client.install(email)));
        }
        default:
          return false;
      }
    } catch (error) {
      if (error instanceof UsageError) return json(res, 409, { error: error.message });
      if (error instanceof z.ZodError) return json(res, 400, { error: 'bad request' });
      console.error('fake Teams inbox: the bot did not answer', error);
      return json(res, 502, { error: 'the bot did not answer; see the fake Teams log' });
    }
  };
}

function reply({ status, body }: BotReply) {
  return { status, body: body ?? null };
}

function parse(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): true {
  return send(res, status, 'application/json', JSON.stringify(body));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): true {
  res
    .writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    })
    .end(body);
  return true;
}
