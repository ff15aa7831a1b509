import type { CosmosClient } from '@azure/cosmos';
import { CONTAINER_NAMES, CONTAINERS } from '../../domain/index.js';

/**
 * Creates the database and containers when missing (tests, the emulator, key auth). In Azure the
 * Bicep creates them: a managed identity with data-plane roles may not create containers.
 */
export async function ensureContainers(client: CosmosClient, databaseId: string): Promise<void> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const name of CONTAINER_NAMES) {
    await database.containers.createIfNotExists({
      id: name,
      partitionKey: { paths: [`/${CONTAINERS[name].partitionKey}`] },
    });
  }
}
