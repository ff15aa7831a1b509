import functions from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { health } from '../../functions/health.js';
import { loadConfig } from '../../shared/config.js';
import { createRoot, type Root } from '../../app/root.js';
import { hooked } from '../../functions/hooks.js';

const request = () => new functions.HttpRequest({ method: 'GET', url: 'http://127.0.0.1:7071/api/health' });
const context = () => new functions.InvocationContext({ functionName: 'health' });
const local = loadConfig({ STEADY_MODE: 'local', STEADY_DATA_DIR: '.steady' });

describe('GET /api/health', () => {
  it('answers 200 when the store answers', async () => {
    const root = createRoot({ ...local, store: { kind: 'sqlite', file: ':memory:' } });
    const response = await hooked(health(() => root))(request(), context());
    expect(response).toEqual({ status: 200, jsonBody: { status: 'ok', store: 'sqlite' } });
  });

  it('answers 503 without the reason when the store fails, and logs the reason', async () => {
    const root: Root = {
      ...createRoot(local),
      store: () => Promise.reject(new Error('secret connection string')),
    };
    const logged: unknown[] = [];
    const ctx = context();
    ctx.error = (...args: unknown[]) => logged.push(...args);
    const response = await hooked(health(() => root))(request(), ctx);
    expect(response).toEqual({ status: 503, jsonBody: { status: 'unavailable', store: 'sqlite' } });
    expect(JSON.stringify(response)).not.toMatch(/secret/);
    // one structured line, with the reason for whoever reads the logs
    expect(JSON.parse(String(logged[0]))).toMatchObject({
      level: 'error',
      event: 'health.store_unavailable',
      error: 'Error: secret connection string',
    });
  });
});
