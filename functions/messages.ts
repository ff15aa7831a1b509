import { app, type HttpHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * `POST /api/messages`: Teams activities for the bot. The Teams SDK checks the Bot Framework token
 * first (except in the explicit local mode), then the bot checks tenant and service URL.
 */
export const messages =
  (root: RootSource): HttpHandler =>
  async (request) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return { status: 400, jsonBody: { error: 'the body is not JSON' } };
    }
    const headers = Object.fromEntries(
      [...request.headers].map(([name, value]) => [name.toLowerCase(), value]),
    );
    const bot = await (await root()).bot();
    const response = await bot.handle({ body, headers });
    if (response.status >= 400)
      log.warn('messages.refused', {
        status: response.status,
        error: JSON.stringify(response.body ?? '').slice(0, 200),
      });
    return response.body === undefined
      ? { status: response.status }
      : { status: response.status, jsonBody: response.body };
  };

app.http('messages', {
  methods: ['POST'],
  authLevel: 'anonymous',
  route: 'messages',
  handler: messages(workerRoot),
});
