import { Client } from '@microsoft/teams.api';
import { err, ok, type Result } from '../../domain/index.js';
import type { Messenger, OutgoingMessage, SendError } from '../../ports.js';
import { RateLimiter, TEAMS_LIMITS, type TeamsLimits } from './rate-limiter.js';
import { isAllowedServiceUrl } from '../../domain/service-url.js';

export interface TeamsMessengerOptions {
  /** The Teams SDK's HTTP client, carrying the bot's token. */
  readonly http: NonNullable<ConstructorParameters<typeof Client>[1]>;
  readonly botId: string;
  readonly allowLoopback: boolean;
  readonly attempts?: number;
  readonly limiter?: RateLimiter;
  /** The limits to stay under: Teams' published ones by default (the delivery benchmark raises the tenant's). */
  readonly limits?: TeamsLimits;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The Messenger port on the Bot Connector REST API through `@microsoft/teams.api`. Stays under Teams'
 * rate limits, honours `Retry-After` on 429, retries 412/502/504 (and other 5xx) with jittered
 * backoff, and reports 403/404 as unreachable (the app was removed). Refuses any service URL that is
 * not a Bot Framework host, so no activity can make the bot call elsewhere.
 */
export function createTeamsMessenger(options: TeamsMessengerOptions): Messenger {
  const limiter = options.limiter ?? new RateLimiter();
  const limits = options.limits ?? TEAMS_LIMITS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const attempts = options.attempts ?? 5;
  const clients = new Map<string, Client>();
  const clientFor = (serviceUrl: string) => {
    if (!isAllowedServiceUrl(serviceUrl, options.allowLoopback)) {
      throw new Error(`refusing to call a service URL that is not a Bot Framework host: ${serviceUrl}`);
    }
    let client = clients.get(serviceUrl);
    if (client === undefined) {
      client = new Client(serviceUrl, options.http);
      clients.set(serviceUrl, client);
    }
    return client;
  };

  async function call<T>(
    to: { serviceUrl: string; tenantId: string; conversationId?: string },
    fn: (c: Client) => Promise<T>,
  ) {
    const client = clientFor(to.serviceUrl);
    for (let attempt = 1; ; attempt++) {
      const done = await limiter.take([
        { key: `tenant:${to.tenantId}`, windows: limits.tenant },
        ...(to.conversationId
          ? [{ key: `conversation:${to.conversationId}`, windows: limits.conversation }]
          : []),
      ]);
      let error: unknown;
      try {
        return ok(await fn(client)) as Result<T, SendError>;
      } catch (caught) {
        error = caught;
      } finally {
        done(); // before any backoff: a call waiting to retry holds no place in the windows
      }
      const { status, retryAfter } = httpFailure(error);
      if (status === 403 || status === 404) return err({ code: 'UNREACHABLE' as const });
      const transient = status === undefined || status === 429 || status === 412 || status >= 500;
      if (!transient) throw error;
      if (attempt >= attempts)
        return err({
          code: 'RETRY' as const,
          ...(retryAfter === undefined ? {} : { afterSeconds: retryAfter }),
        });
      const backoff =
        retryAfter !== undefined ? retryAfter * 1000 : Math.random() * Math.min(8000, 250 * 2 ** attempt);
      await sleep(backoff);
    }
  }

  return {
    async send(to, message) {
      const sent = await call(to, (c) =>
        c.conversations.createActivity(to.conversationId, activityOf(message)),
      );
      return sent.ok ? ok({ activityId: sent.value.id }) : sent;
    },
    async update(to, activityId, message) {
      const updated = await call(to, (c) =>
        c.conversations.updateActivity(to.conversationId, activityId, activityOf(message)),
      );
      return updated.ok ? ok(undefined) : updated;
    },
    async createConversation(at, teamsUserId) {
      const created = await call(at, (c) =>
        c.conversations.create({
          bot: { id: options.botId },
          members: [{ id: teamsUserId, role: 'user' }],
          tenantId: at.tenantId,
          isGroup: false,
          channelData: { tenant: { id: at.tenantId } },
        }),
      );
      return created.ok ? ok({ conversationId: created.value.id }) : created;
    },
    async member(to, teamsUserId) {
      const found = await call(to, (c) => c.conversations.members(to.conversationId).getById(teamsUserId));
      if (!found.ok) return undefined;
      const email = found.value.email ?? found.value.userPrincipalName;
      return email ? { email: email.toLowerCase(), name: found.value.name ?? email } : undefined;
    },
  };
}

function activityOf(message: OutgoingMessage) {
  return {
    type: 'message' as const,
    ...(message.text === undefined ? {} : { text: message.text, textFormat: 'plain' as const }),
    ...(message.card === undefined && message.attachment === undefined
      ? {}
      : {
          attachments: [
            ...(message.card === undefined
              ? []
              : [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }]),
            ...(message.attachment === undefined ? [] : [message.attachment]),
          ],
        }),
  };
}

function httpFailure(error: unknown): { status?: number; retryAfter?: number } {
  const response = (error as { response?: { status?: unknown; headers?: Record<string, unknown> } } | null)
    ?.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const header = response?.headers?.['retry-after'];
  const retryAfter = typeof header === 'string' || typeof header === 'number' ? Number(header) : Number.NaN;
  return {
    ...(status === undefined ? {} : { status }),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfter: Math.min(retryAfter, 60) } : {}),
  };
}
