import { randomUUID } from 'node:crypto';
import type { EntraReply } from './entra-token.js';

/** The API version of App Service's (and Azure Functions') managed identity endpoint. */
const API_VERSION = '2019-08-01';
/** The resources the fake issues tokens for (the Bot Framework, as the bot asks). */
const RESOURCES = ['https://api.botframework.com'];

/**
 * `GET $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=…&client_id=…` with the `X-IDENTITY-HEADER`
 * secret, as App Service and Azure Functions answer it for the user-assigned identities attached to
 * the app (`identities`, by client id). Errors carry the endpoint's `statusCode` and `message`.
 */
export function managedIdentityToken(
  identities: readonly string[],
  header: string,
  request: { readonly secret: string | undefined; readonly query: URLSearchParams },
  now: Date,
): EntraReply {
  const error = (status: number, message: string): EntraReply => ({
    status,
    body: { statusCode: status, message, correlationId: randomUUID() },
  });
  if (request.secret !== header)
    return error(401, 'Unauthorized: the X-IDENTITY-HEADER is missing or wrong.');
  if (request.query.get('api-version') !== API_VERSION)
    return error(400, `Unsupported api-version '${request.query.get('api-version') ?? ''}'.`);
  const resource = request.query.get('resource') ?? '';
  if (!RESOURCES.includes(resource)) return error(400, `Unknown resource '${resource}'.`);
  const clientId = request.query.get('client_id') ?? '';
  if (!identities.includes(clientId))
    return error(
      400,
      `No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId '${clientId}'.`,
    );
  const expiresOn = Math.floor(now.getTime() / 1000) + 3600;
  return {
    status: 200,
    body: {
      access_token: `fake-mi-${randomUUID()}`,
      expires_on: String(expiresOn),
      resource,
      token_type: 'Bearer',
      client_id: clientId,
    },
  };
}
