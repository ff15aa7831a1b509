import { app, type HttpHandler } from '@azure/functions';
import { log } from '../shared/log.js';
import { workerRoot, type RootSource } from './worker-root.js';

/**
 * `GET /api/health`: 200 when the store answers a read, 503 otherwise. The reason goes to the
 * log, never into the response.
 */
export const health =
  (root: RootSource): HttpHandler =>
  async () => {
    const r = await root();
    const store = r.config.store.kind;
    try {
      await (await r.store()).calendars.get('health', 'health');
      return { status: 200, jsonBody: { status: 'ok', store } };
    } catch (error) {
      log.error('health.store_unavailable', { store, error: String(error).slice(0, 300) });
      return { status: 503, jsonBody: { status: 'unavailable', store } };
    }
  };

app.http('health', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'health',
  handler: health(workerRoot),
});
