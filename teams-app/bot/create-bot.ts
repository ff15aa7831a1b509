import type { CloudEnvironment } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import { isAdaptiveCard } from '@microsoft/teams.cards';
import { ServiceTokenValidator } from '@microsoft/teams.apps/dist/middleware/index.js';
import type { Config } from '../../shared/config.js';
import type { Result } from '../../shared/domain/index.js';
import { log } from '../../shared/log.js';
import type { Messenger, SendError } from '../../shared/ports.js';
import type { BotDeps, CardReply, Reply } from './bot-deps.js';
import { FunctionAdapter } from './function-adapter.js';
import { refusalOf } from './guard.js';
import { identify, markUnreachable } from './identify.js';
import { parseIncoming } from './incoming.js';
import { requestIdOf } from './request-id.js';
import { onFileConsent, type FileConsent } from './export.js';
import { onCardAction } from './on-card-action.js';
import { welcome } from './on-install.js';
import { onMessage } from './on-message.js';

/** A JWT-shaped placeholder the SDK sends in local mode, where nobody checks it. Never used in Azure. */
const LOCAL_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdGVhZHktbG9jYWwifQ.';

export interface Bot {
  /** One HTTP request to `/api/messages`, as the trigger received it. */
  handle(request: {
    body: unknown;
    headers: Record<string, string>;
  }): Promise<{ status: number; body?: unknown }>;
  readonly deps: BotDeps;
}

/** The bot's settings; `cloud` points the Bot Framework metadata elsewhere (a test's local keys). */
export type BotConfig = Config['bot'] & { readonly cloud?: CloudEnvironment };

/**
 * The Teams SDK app, hosted in the Functions trigger. Bot Framework JWT validation is on unless the
 * configuration is the explicit local mode, and comes first, with the SDK's own validator: a caller
 * without a valid token learns nothing, not even whether its tenant is allowed. Then, before the SDK
 * sees an activity, its tenant must be allowed and its `serviceUrl` a Bot Framework host (replies go
 * there).
 */
export async function createBot(
  config: BotConfig,
  local: boolean,
  parts: Omit<BotDeps, 'messenger'> & {
    /** The Messenger over the bot's own HTTP client, which carries its token (the root builds it). */
    readonly messengerOf: (http: App['api']['http'], botId: string) => Messenger;
    /** Puts an exported file into the upload session Teams opened for it. */
    readonly upload: (url: string, bytes: Uint8Array) => Promise<Result<void, SendError>>;
  },
): Promise<Bot> {
  const { messengerOf, upload, ...deps } = parts;
  const adapter = new FunctionAdapter();
  const auth = config.auth;
  const app = new App({
    httpServerAdapter: adapter,
    dangerouslyAllowUnauthenticatedRequests: auth.kind === 'local',
    logger: quietLogger,
    ...(config.cloud === undefined ? {} : { cloud: config.cloud }),
    ...(auth.kind === 'local'
      ? { clientId: 'steady-local-bot', token: () => LOCAL_TOKEN }
      : auth.kind === 'secret'
        ? { clientId: auth.appId, clientSecret: auth.password, tenantId: auth.tenantId }
        : { clientId: auth.appId, tenantId: auth.tenantId, managedIdentityClientId: auth.appId }),
  });
  const messenger = messengerOf(app.api.http, app.id ?? 'steady');
  const full: BotDeps = { ...deps, messenger };
  const policy = { allowedTenants: config.allowedTenants, allowLoopback: local };

  // Replies go through the Messenger too, so they share its rate limits and retries.
  const send = async (ctx: { activity: unknown }, reply: Reply) => {
    const incoming = parseIncoming(ctx.activity);
    if (incoming === undefined) return;
    const to = {
      conversationId: incoming.conversation.id,
      serviceUrl: incoming.serviceUrl,
      tenantId: incoming.tenantId,
    };
    const sent = await messenger.send(to, reply);
    if (!sent.ok)
      log.warn('bot.reply_not_sent', { conversationId: to.conversationId, error: sent.error.code });
  };

  app.on('install.add', async (ctx) => {
    const incoming = parseIncoming(ctx.activity);
    const who = incoming && (await identify(full, incoming, 'install'));
    if (who === undefined) return;
    await send(ctx, 'user' in who ? welcome(full, who.user) : { text: who.refused });
  });
  app.on('install.remove', async (ctx) => {
    const incoming = parseIncoming(ctx.activity);
    if (incoming) await markUnreachable(full, incoming);
  });
  app.on('message', async (ctx) => {
    const incoming = parseIncoming(ctx.activity);
    const who = incoming && (await identify(full, incoming, 'message'));
    if (incoming === undefined || who === undefined) {
      await send(ctx, { text: 'I could not tell who you are from this chat. Try reinstalling Steady.' });
      return;
    }
    if ('refused' in who) {
      await send(ctx, { text: who.refused });
      return;
    }
    await send(ctx, await onMessage(full, who.user, incoming.text ?? '', requestIdOf(full.ids, incoming)));
  });
  app.on('card.action', async (ctx) => {
    const incoming = parseIncoming(ctx.activity);
    const who = incoming && (await identify(full, incoming, 'press'));
    const reply: CardReply =
      incoming === undefined || who === undefined
        ? { text: 'I could not tell who pressed this. Nothing was changed.' }
        : 'refused' in who
          ? { text: who.refused }
          : await onCardAction(full, who.user, ctx.activity.value, requestIdOf(full.ids, incoming));
    if (reply.post !== undefined) await send(ctx, reply.post);
    // every card Steady renders is an Adaptive Card: the SDK's guard says so to its types
    return 'card' in reply && isAdaptiveCard(reply.card)
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
      : {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'text' in reply ? reply.text : 'Done.',
        };
  });
  // Allow or Decline on a file consent card (the export): the answer goes to the chat as a message.
  const onConsent = async (ctx: { activity: unknown }) => {
    const incoming = parseIncoming(ctx.activity);
    const who = incoming && (await identify(full, incoming, 'press'));
    const value = (ctx.activity as { value?: FileConsent }).value;
    if (who === undefined || !('user' in who) || value === undefined) return { status: 200 };
    await send(ctx, await onFileConsent(full, who.user, value, upload));
    return { status: 200 };
  };
  app.on('file.consent.accept', onConsent);
  app.on('file.consent.decline', onConsent);
  await app.initialize();
  // The validator the SDK's HTTP server builds for itself, with the same app, tenant and cloud.
  const tokens =
    auth.kind === 'local'
      ? undefined
      : new ServiceTokenValidator(auth.appId, auth.tenantId, undefined, quietLogger, app.cloud);

  return {
    deps: full,
    async handle(request) {
      if (tokens !== undefined && !(await hasValidToken(tokens, request)))
        return { status: 401, body: { error: 'UNAUTHORIZED' } };
      const refusal = refusalOf(request.body, policy);
      if (refusal !== undefined)
        return { status: refusal === 'MALFORMED' ? 400 : 403, body: { error: refusal } };
      const response = await adapter.handle({ body: request.body, headers: request.headers });
      return { status: response.status, body: response.body };
    },
  };
}

/** Whether the request carries a Bot Framework token for this bot, signed for the activity's `serviceUrl`. */
async function hasValidToken(
  tokens: ServiceTokenValidator,
  request: { body: unknown; headers: Record<string, string> },
): Promise<boolean> {
  const header = request.headers['authorization'];
  if (header === undefined || header === '' || typeof request.body !== 'object' || request.body === null)
    return false;
  try {
    await tokens.check(header, request.body);
    return true;
  } catch {
    return false; // the SDK's validator logged why
  }
}

/** The SDK's logger, as its App options type it. */
type SdkLogger = NonNullable<NonNullable<ConstructorParameters<typeof App>[0]>['logger']>;

/** The SDK's own logging is noisy; warnings and errors still reach the Functions log. */
const quietLogger: SdkLogger = {
  error: (...args: unknown[]) => log.error('teams.sdk', { message: sdkMessage(args) }),
  // local mode gives the SDK a placeholder identity on purpose; its warning about that is noise there
  warn: (...args: unknown[]) =>
    String(args[0]).includes('dangerouslyAllowUnauthenticatedRequests')
      ? undefined
      : log.warn('teams.sdk', { message: sdkMessage(args) }),
  info: () => undefined,
  debug: () => undefined,
  log: () => undefined,
  trace: () => undefined,
  child: () => quietLogger,
};

/** What the SDK logged, cut short: its messages name errors and routes, and nothing longer is needed. */
function sdkMessage(args: readonly unknown[]): string {
  return args
    .map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg)))
    .join(' ')
    .slice(0, 300);
}
