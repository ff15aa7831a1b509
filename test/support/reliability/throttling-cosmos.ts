import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { COSMOS_SERVER_KEY } from '../cosmos-server.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The in-process `@vercel/cosmosdb-server` (as in `cosmos-server.ts`) behind a gate that can answer
 * the next matching requests with Cosmos DB's 429 (`TooManyRequests`, `x-ms-retry-after-ms`), which
 * the server itself cannot do. The real SDK sees the 429 and applies its own retry policy (9 retries
 * by default); what outlasts it reaches the adapter as an error.
 */
export async function startThrottlingCosmosServer() {
  const server = createHttpServer({ keepAlive: true });
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  const pending: { remaining: number; method: string; path: RegExp }[] = [];
  let answered429 = 0;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const index = pending.findIndex((p) => p.method === req.method && p.path.test(path));
    const rule = pending[index];
    if (rule !== undefined) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) pending.splice(index, 1);
      answered429 += 1;
      req.resume();
      res
        .writeHead(429, {
          'content-type': 'application/json',
          'x-ms-retry-after-ms': '5',
          'x-ms-substatus': '3200',
        })
        .end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large.' }));
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: CosmosClient[] = [];
  return {
    client: () => {
      const client = new CosmosClient({
        endpoint: `http://127.0.0.1:${port}`,
        key: COSMOS_SERVER_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      clients.push(client);
      return client;
    },
    /** The next `count` requests with this method and a path matching `path` get a 429. */
    throttle: (count: number, method: string, path: RegExp) =>
      void pending.push({ remaining: count, method, path }),
    /** How many 429s were answered so far. */
    answered429: () => answered429,
    stop: async () => {
      for (const client of clients) client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
