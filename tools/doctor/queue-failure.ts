import type { Config } from '../../shared/config.js';
import { fail, type Outcome } from './check.js';
import { messageOf, networkFailure } from './network-error.js';

/** A URL without its query: a SAS connection string puts its signature there. */
export const withoutQuery = (url: string): string => url.replace(/\?.*$/, '');

const ACCESS_KEYS = 'Storage account > Security + networking > Access keys';

/** What a failed queue request means for the settings, and how to fix it. */
export function queueFailure(error: unknown, queue: Config['queue'], url: string | undefined): Outcome {
  const byKey = 'connectionString' in queue;
  const where = url === undefined ? 'the queue service' : withoutQuery(url);
  const network = networkFailure(error);
  if (network !== undefined && url !== undefined && /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
    return fail(
      `cannot reach ${where} (${network})`,
      'start Azurite there (`npx azurite-queue --inMemoryPersistence --disableTelemetry`), or set AzureWebJobsStorage ' +
        `to the connection string of the queues you mean (${ACCESS_KEYS})`,
    );
  if (network !== undefined)
    return fail(
      `cannot reach ${where} (${network})`,
      byKey
        ? `check the endpoint in AzureWebJobsStorage (copy a connection string from ${ACCESS_KEYS}) and that this machine may reach it`
        : 'check AzureWebJobsStorage__queueServiceUri (https://<account>.queue.core.windows.net) and that this machine may reach it',
    );
  const message = messageOf(error);
  if (url === undefined)
    return fail(
      `AzureWebJobsStorage is not a usable connection string (${message})`,
      `copy a connection string from ${ACCESS_KEYS}, or use AzureWebJobsStorage__queueServiceUri with a managed identity`,
    );
  const name = error instanceof Error ? error.name : '';
  if (name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError')
    return fail(
      `no Microsoft Entra sign-in is available here for the queues (${message})`,
      'run the doctor signed in with `az login` as someone holding Storage Queue Data Contributor on the account',
    );
  const status = (error as { statusCode?: unknown }).statusCode;
  const code = (error as { code?: unknown }).code;
  if (status === 403 && byKey)
    return fail(
      `${where} refused the account key in AzureWebJobsStorage (${String(code)})`,
      `copy a current connection string from ${ACCESS_KEYS} (a rotated key invalidates the old one)`,
    );
  if (status === 403)
    return fail(
      `${where} refused the signed-in identity (${String(code)})`,
      "assign the role Storage Queue Data Contributor to the app's managed identity on the storage account " +
        '(Storage account > Access control (IAM) > Add role assignment; `azd provision` assigns it)',
    );
  return fail(
    `${where} answered ${typeof status === 'number' ? status : 'with an error'}: ${message.slice(0, 300)}`,
    'check the storage settings (AzureWebJobsStorage) and the account in the portal',
  );
}
