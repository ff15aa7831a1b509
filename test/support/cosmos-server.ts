import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';

/** The emulator's well-known key; the server accepts any. */
export const COSMOS_SERVER_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/**
 * `@vercel/cosmosdb-server` in this process on 127.0.0.1 (port 0), and a real `CosmosClient` for it:
 * HTTP with the SDK's own keep-alive agent (a custom agent would turn off its `allowInsecureConnection`
 * for http), endpoint discovery off (the server advertises https endpoints).
 */
export async function startCosmosServer(
  /** Runs on the HTTP server before it listens (a test can put a gate in front of the emulator). */
  prepare?: (server: Server) => void,
): Promise<{
  /** `http://127.0.0.1:PORT`, for a process that makes its own client (with `COSMOS_KEY`). */
  endpoint: string;
  client: () => CosmosClient;
  stop: () => Promise<void>;
}> {
  const server = createHttpServer({ keepAlive: true });
  prepare?.(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: CosmosClient[] = [];
  return {
    endpoint: `http://127.0.0.1:${port}`,
    client: () => {
      const client = new CosmosClient({
        endpoint: `http://127.0.0.1:${port}`,
        key: COSMOS_SERVER_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
