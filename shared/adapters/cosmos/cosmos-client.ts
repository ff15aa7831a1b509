import { CosmosClient } from '@azure/cosmos';
import type { Config } from '../../config.js';

type CosmosConfig = Extract<Config['store'], { kind: 'cosmos' }>;

/**
 * A Cosmos DB client from the configuration: key auth when a key is set, otherwise the app's
 * managed identity (user-assigned when a client id is given). `@azure/identity` is loaded only then.
 */
export async function createCosmosClient(config: CosmosConfig): Promise<CosmosClient> {
  if ('key' in config.auth) return new CosmosClient({ endpoint: config.endpoint, key: config.auth.key });
  const { DefaultAzureCredential } = await import('@azure/identity');
  const clientId = config.auth.managedIdentityClientId;
  const credential = new DefaultAzureCredential(
    clientId === undefined ? {} : { managedIdentityClientId: clientId },
  );
  return new CosmosClient({ endpoint: config.endpoint, aadCredentials: credential });
}
