import { app, type HttpHandler } from '@azure/functions';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * `GET /api/health`: 200 when the store answers a read, 503 otherwise. The reason goes to the
 * log, never into the response.
 */
export const health =
  (root: RootSource): HttpHandler =>
  async (_request, context) => {
    const r = await root();
    const store = r.config.store.kind;
    try {
      await (await r.store()).calendars.get('health', 'health');
      return { status: 200, jsonBody: { status: 'ok', store } };
    } catch (error) {
      context.error('health: the store did not answer', error);
      return { status: 503, jsonBody: { status: 'unavailable', store } };
    }
  };

app.http('health', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'health',
  handler: health(workerRoot),
});
