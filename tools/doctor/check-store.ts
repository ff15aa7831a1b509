import { type Check } from './check.js';
import { checkCosmos } from './check-cosmos.js';
import { checkSqlite } from './check-sqlite.js';

/** The store the configuration names: Cosmos DB (account, database, containers) or SQLite (its folder). */
export const storeCheck: Check = {
  name: 'store',
  run: async ({ config, signal }) =>
    config.store.kind === 'cosmos' ? checkCosmos(config.store, signal) : checkSqlite(config.store.file),
  timeoutFix: (config) =>
    config.store.kind === 'cosmos'
      ? `check that ${config.store.endpoint} is reachable from here (DNS, proxy, the account's firewall in Azure Cosmos DB account > Networking)`
      : `check the disk holding ${config.store.file}`,
};
