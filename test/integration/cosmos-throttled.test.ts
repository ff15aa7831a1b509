import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCosmosStore } from '../../shared/adapters/cosmos/cosmos-store.js';
import { ensureContainers } from '../../shared/adapters/cosmos/ensure-containers.js';
import type { Store } from '../../shared/ports.js';
import { topic } from '../fixtures/docs.js';
import { startThrottlingCosmosServer } from '../support/reliability/throttling-cosmos.js';

// The real Cosmos DB SDK against a server that answers 429 past the SDK's own retries (9, then it gives up).
let server: Awaited<ReturnType<typeof startThrottlingCosmosServer>>;
let store: Store;

beforeAll(async () => {
  server = await startThrottlingCosmosServer();
  const client = server.client();
  await ensureContainers(client, 'steady');
  store = openCosmosStore(client, 'steady');
}, 30_000);

afterAll(async () => {
  await server.stop();
});

it('answers a write throttled past the SDK as a value from tryReplace, with the wait Cosmos DB asked for', async () => {
  const created = await store.pairs.create(topic(1, 1, { text: 'original' }));
  if (!created.ok) throw new Error('create failed');
  server.throttle(100, 'PUT', /\/docs\//);
  const before = server.answered429();
  const written = await store.pairs.tryReplace(topic(1, 1, { text: 'changed' }), created.value.etag);
  expect(written).toEqual({ ok: false, error: { code: 'THROTTLED', retryAfterMs: 5 } });
  expect(server.answered429() - before).toBeGreaterThan(1); // the SDK tried again before giving up
  // replace, by contrast, throws it (its callers' queue retries the message)
  await expect(store.pairs.replace(topic(1, 1, { text: 'changed' }), created.value.etag)).rejects.toThrow();
});
