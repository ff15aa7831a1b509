import { fail, type Outcome } from './check.js';
import type { CosmosStore } from './cosmos-client.js';
import { messageOf, networkFailure } from './network-error.js';

const DATA_CONTRIBUTOR = '00000000-0000-0000-0000-000000000002';

/** The HTTP status of a Cosmos SDK error, if the service answered. */
export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** What a failed Cosmos DB request means for the settings, and how to fix it. */
export function cosmosFailure(error: unknown, store: CosmosStore): Outcome {
  const network = networkFailure(error);
  if (network !== undefined)
    return fail(
      `cannot reach Cosmos DB at ${store.endpoint} (${network})`,
      "set COSMOS_ENDPOINT to the account's URI (portal: Azure Cosmos DB account > Overview > URI) " +
        'and check that this machine may reach it (Azure Cosmos DB account > Networking)',
    );
  const name = error instanceof Error ? error.name : '';
  if (name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError')
    return fail(
      `no Microsoft Entra sign-in is available here for Cosmos DB (${messageOf(error)})`,
      'run the doctor signed in with `az login` as someone holding the Cosmos DB Built-in Data ' +
        'Contributor role on the account, or set COSMOS_KEY (Azure Cosmos DB account > Settings > Keys)',
    );
  const status = statusOf(error);
  const message = messageOf(error);
  if ((status === 401 || status === 403) && 'key' in store.auth) {
    if (/local authorization is disabled/i.test(message))
      return fail(
        'the account refuses keys (local authorization is disabled)',
        'unset COSMOS_KEY so the app signs in with its managed identity',
      );
    return fail(
      `Cosmos DB refused COSMOS_KEY (${status})`,
      'copy the PRIMARY KEY from the portal: Azure Cosmos DB account > Settings > Keys ' +
        '(or `az cosmosdb keys list --name <account> --resource-group <group>`)',
    );
  }
  if (status === 401 || status === 403)
    return fail(
      `Cosmos DB refused the signed-in identity (${status}: ${message.slice(0, 200)})`,
      `give the app's managed identity the data-plane role Cosmos DB Built-in Data Contributor: ` +
        `\`az cosmosdb sql role assignment create --account-name <account> --resource-group <group> ` +
        `--scope / --principal-id <identity's principal id> --role-definition-id ${DATA_CONTRIBUTOR}\` ` +
        "(`azd provision` assigns it); a firewall refusal names this machine's IP: allow it in Networking",
    );
  return fail(
    `Cosmos DB answered ${status ?? 'with an error'}: ${message.slice(0, 300)}`,
    'check COSMOS_ENDPOINT, COSMOS_DATABASE and the account in the portal',
  );
}
