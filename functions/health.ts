import { app, type HttpHandler } from '@azure/functions';
import type { Root } from '../shared/root.js';
import { getRoot } from '../shared/root.js';

/**
 * `GET /api/health`: 200 when the store answers a read, 503 otherwise. The reason goes to the
 * log, never into the response.
 */
export const health =
  (root: () => Root): HttpHandler =>
  async (_request, context) => {
    const { config } = root();
    try {
      const store = await root().store();
      await store.calendars.get('health', 'health');
      return { status: 200, jsonBody: { status: 'ok', store: config.store.kind } };
    } catch (error) {
      context.error('health: the store did not answer', error);
      return { status: 503, jsonBody: { status: 'unavailable', store: config.store.kind } };
    }
  };

app.http('health', { methods: ['GET'], authLevel: 'anonymous', route: 'health', handler: health(getRoot) });
