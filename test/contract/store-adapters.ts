import { openCosmosStore } from '../../shared/adapters/cosmos/cosmos-store.js';
import { ensureContainers } from '../../shared/adapters/cosmos/ensure-containers.js';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import type { Store } from '../../shared/ports.js';
import { startCosmosServer } from '../support/cosmos-server.js';

/** Every Store adapter the contract suite runs against. Each `open` gives an empty store. */
export interface StoreAdapter {
  readonly name: string;
  start(): Promise<void>;
  open(): Promise<Store>;
  stop(): Promise<void>;
}

export const sqliteAdapter = (): StoreAdapter => ({
  name: 'sqlite',
  start: async () => undefined,
  open: async () => openSqliteStore(':memory:'),
  stop: async () => undefined,
});

export const cosmosAdapter = (): StoreAdapter => {
  let server: Awaited<ReturnType<typeof startCosmosServer>> | undefined;
  let databases = 0;
  return {
    name: 'cosmos',
    start: async () => {
      server = await startCosmosServer();
    },
    open: async () => {
      if (server === undefined) throw new Error('cosmos adapter: start() first');
      const client = server.client();
      const database = `steady-${++databases}`;
      await ensureContainers(client, database);
      return openCosmosStore(client, database);
    },
    stop: async () => server?.stop(),
  };
};
