import { randomUUID } from 'node:crypto';

/** An app registration the fake Entra knows, in its tenant, with its client secrets. */
export interface FakeAppRegistration {
  readonly tenantId: string;
  readonly clientId: string;
  readonly secrets: readonly string[];
}

/** Entra's token endpoint answer: a token, or its error body (`error`, `AADSTS…` description, codes). */
export interface EntraReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** The resources the fake issues tokens for (the Bot Framework, as the bot asks). */
const RESOURCES = ['https://api.botframework.com'];

/**
 * `POST {login}/{tenant}/oauth2/v2.0/token` with a client-credentials grant, checked in the order
 * Entra reports problems: tenant, grant type, app, secret, scope. Errors carry Entra's AADSTS codes.
 */
export function clientCredentialsToken(
  apps: readonly FakeAppRegistration[],
  tenantId: string,
  form: URLSearchParams,
  now: Date,
): EntraReply {
  const error = (status: number, code: string, number: number, message: string): EntraReply =>
    entraError(status, code, number, message, now);
  if (!apps.some((app) => app.tenantId === tenantId))
    return error(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenantId}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  const grantType = form.get('grant_type') ?? '';
  if (grantType !== 'client_credentials')
    return error(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  const clientId = form.get('client_id') ?? '';
  const app = apps.find((a) => a.tenantId === tenantId && a.clientId === clientId);
  if (app === undefined)
    return error(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  const secret = form.get('client_secret');
  if (secret === null)
    return error(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (!app.secrets.includes(secret))
    return error(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    );
  const scope = form.get('scope') ?? '';
  const resource = scope.replace(/\/\.default$/, '');
  if (!scope.endsWith('/.default'))
    return error(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  if (!RESOURCES.includes(resource))
    return error(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantId}.`,
    );
  const iat = Math.floor(now.getTime() / 1000);
  const claims = {
    aud: resource,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat,
    exp: iat + 3599,
    appid: clientId,
    tid: tenantId,
  };
  const unsigned = [{ alg: 'none', typ: 'JWT' }, claims].map((part) =>
    Buffer.from(JSON.stringify(part)).toString('base64url'),
  );
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: `${unsigned.join('.')}.`,
    },
  };
}

function entraError(status: number, error: string, code: number, message: string, now: Date): EntraReply {
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
