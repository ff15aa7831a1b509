import { z } from 'zod';
import type { HandlerContext, Reply } from './handler-context.js';
import { parseBody } from './parse-body.js';

const DAY_MS = 86_400_000;

/** Google's limits: id up to 64 characters of `[A-Za-z0-9-_+/=]`, token up to 256, a web_hook address. */
const watchBody = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9\-_+/=]+$/),
  token: z.string().max(256).optional(),
  type: z.enum(['web_hook', 'webhook']),
  address: z.url({ protocol: /^https?$/ }),
  expiration: z.coerce.number().int().positive().optional(),
  params: z.object({ ttl: z.coerce.number().int().positive().optional() }).optional(),
});

/** `POST .../events/watch`: opens a channel; the `sync` message may reach the address before this reply does. */
export function watchEvents(context: HandlerContext, calendarId: string, body: unknown): Reply {
  const request = parseBody(watchBody, body);
  const now = context.store.now().getTime();
  const expiration =
    request.expiration ?? now + (request.params?.ttl !== undefined ? request.params.ttl * 1000 : 7 * DAY_MS);
  const channel = context.notifier.watch({
    id: request.id,
    ...(request.token !== undefined ? { token: request.token } : {}),
    address: request.address,
    expiration,
    calendarId,
    resourceUri: `${context.url}/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events?alt=json`,
  });
  return {
    status: 200,
    body: {
      kind: 'api#channel',
      id: channel.id,
      resourceId: channel.resourceId,
      resourceUri: channel.resourceUri,
      ...(channel.token !== undefined ? { token: channel.token } : {}),
      expiration: String(channel.expiration),
    },
  };
}
