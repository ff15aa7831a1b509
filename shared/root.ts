/**
 * The composition root: the one place (with the sandbox's own root) that chooses adapters.
 * Clients are built once per worker and reused; an adapter's SDK is loaded only when first used,
 * so a trigger that never touches the store never pays for `@azure/cosmos`.
 */
import { loadConfig, type Config } from './config.js';
import type { Clock, Store } from './ports.js';

export interface Root {
  readonly config: Config;
  readonly clock: Clock;
  /** The store, opened on first use. */
  store(): Promise<Store>;
}

export function createRoot(config: Config, clock: Clock = { now: () => new Date() }): Root {
  let store: Promise<Store> | undefined;
  return {
    config,
    clock,
    store: () => (store ??= openStore(config.store)),
  };
}

async function openStore(config: Config['store']): Promise<Store> {
  switch (config.kind) {
    case 'sqlite': {
      const { openSqliteStore } = await import('./adapters/sqlite/sqlite-store.js');
      return openSqliteStore(config.file);
    }
    case 'cosmos': {
      const { createCosmosClient } = await import('./adapters/cosmos/cosmos-client.js');
      const { openCosmosStore } = await import('./adapters/cosmos/cosmos-store.js');
      return openCosmosStore(await createCosmosClient(config), config.database);
    }
  }
}

let root: Root | undefined;

/** The worker's root, from the environment, built on first call. */
export const getRoot = (): Root => (root ??= createRoot(loadConfig()));
