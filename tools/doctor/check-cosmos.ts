import type { Database } from '@azure/cosmos';
import { CONTAINER_NAMES, CONTAINERS } from '../../shared/domain/index.js';
import { fail, pass, type Outcome } from './check.js';
import { doctorCosmosClient, type CosmosStore } from './cosmos-client.js';
import { cosmosFailure, statusOf } from './cosmos-failure.js';

/** The account answers with this auth, the database exists, and every container has its partition key. */
export async function checkCosmos(store: CosmosStore, signal: AbortSignal): Promise<Outcome> {
  const client = await doctorCosmosClient(store);
  try {
    const database = client.database(store.database);
    try {
      await database.read({ abortSignal: signal });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      return fail(
        `database '${store.database}' does not exist in ${store.endpoint}`,
        '`azd provision` creates it (infra/); or set COSMOS_DATABASE to the database the Bicep created ' +
          '(portal: Azure Cosmos DB account > Data Explorer)',
      );
    }
    const problems = await containerProblems(database, signal);
    if (problems.length > 0)
      return fail(
        `database '${store.database}': ${problems.join('; ')}`,
        '`azd provision` creates the containers (infra/); or in the portal: Azure Cosmos DB account > ' +
          `Data Explorer > New Container, database '${store.database}', ${CONTAINER_NAMES.map((n) => `${n} with partition key /${CONTAINERS[n].partitionKey}`).join(', ')}. ` +
          'A partition key cannot be changed: delete and recreate a container that has the wrong one',
      );
    const auth = 'key' in store.auth ? 'its key' : 'Microsoft Entra sign-in';
    return pass(
      `Cosmos DB ${store.endpoint} with ${auth}: database '${store.database}', containers ${CONTAINER_NAMES.join(', ')} with the expected partition keys`,
    );
  } catch (error) {
    return cosmosFailure(error, store);
  } finally {
    client.dispose();
  }
}

async function containerProblems(database: Database, signal: AbortSignal): Promise<string[]> {
  const problems: string[] = [];
  for (const name of CONTAINER_NAMES) {
    const expected = `/${CONTAINERS[name].partitionKey}`;
    try {
      const { resource } = await database.container(name).read({ abortSignal: signal });
      const paths = resource?.partitionKey?.paths ?? [];
      if (paths.length !== 1 || paths[0] !== expected)
        problems.push(
          `container '${name}' is partitioned by ${paths.join(', ') || 'nothing'}, not ${expected}`,
        );
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      problems.push(`container '${name}' is missing`);
    }
  }
  return problems;
}
