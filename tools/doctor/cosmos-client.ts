import { CosmosClient } from '@azure/cosmos';
import type { Config } from '../../shared/config.js';

export type CosmosStore = Extract<Config['store'], { kind: 'cosmos' }>;

/**
 * A client signed in as the app's would be (`shared/adapters/cosmos/cosmos-client.ts`): the key, or
 * `DefaultAzureCredential` (the managed identity in Azure; your `az login` on a workstation). Unlike
 * the app's, it does not retry throttling, and over plain HTTP (an emulator) it skips endpoint
 * discovery, which would send it to the https addresses such servers advertise.
 */
export async function doctorCosmosClient(store: CosmosStore): Promise<CosmosClient> {
  const connectionPolicy = {
    enableEndpointDiscovery: !store.endpoint.startsWith('http://'),
    retryOptions: { maxRetryAttemptCount: 0, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 0 },
  };
  if ('key' in store.auth)
    return new CosmosClient({ endpoint: store.endpoint, key: store.auth.key, connectionPolicy });
  const { DefaultAzureCredential } = await import('@azure/identity');
  const clientId = store.auth.managedIdentityClientId;
  const credential = new DefaultAzureCredential(
    clientId === undefined ? {} : { managedIdentityClientId: clientId },
  );
  return new CosmosClient({ endpoint: store.endpoint, aadCredentials: credential, connectionPolicy });
}
