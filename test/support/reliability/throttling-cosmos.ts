import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { startCosmosServer } from '../cosmos-server.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The in-process `@vercel/cosmosdb-server` (as in `cosmos-server.ts`) behind a gate that can answer
 * the next matching requests with Cosmos DB's 429 (`TooManyRequests`, `x-ms-retry-after-ms`), which
 * the server itself cannot do. The real SDK sees the 429 and applies its own retry policy (9 retries
 * by default); what outlasts it reaches the adapter as an error.
 */
export async function startThrottlingCosmosServer() {
  const pending: { remaining: number; method: string; path: RegExp }[] = [];
  let answered429 = 0;
  const gate = (server: Server) => {
    const listeners = server.listeners('request') as Listener[];
    server.removeAllListeners('request');
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
  };
  return {
    ...(await startCosmosServer(gate)),
    /** The next `count` requests with this method and a path matching `path` get a 429. */
    throttle: (count: number, method: string, path: RegExp) =>
      void pending.push({ remaining: count, method, path }),
    /** How many 429s were answered so far. */
    answered429: () => answered429,
  };
}
