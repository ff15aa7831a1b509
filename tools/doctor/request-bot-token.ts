import { z } from 'zod';
import { fail, pass, type Outcome } from './check.js';
import { entraFailure } from './entra-failure.js';
import { networkFailure } from './network-error.js';

const granted = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number() });

/**
 * The client-credentials request MSAL's `acquireTokenByClientCredential` sends for the Teams SDK:
 * `POST {login}/{tenant}/oauth2/v2.0/token` with the app id, its secret and the Bot Framework scope.
 * Made here directly because MSAL accepts only https authorities it can look up at
 * login.microsoftonline.com, which a local fake is not.
 */
export async function requestBotToken(
  auth: { appId: string; password: string; tenantId: string },
  login: string,
  scope: string,
  signal: AbortSignal,
): Promise<Outcome> {
  const url = `${login}/${encodeURIComponent(auth.tenantId)}/oauth2/v2.0/token`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: auth.appId,
        client_secret: auth.password,
        scope,
        grant_type: 'client_credentials',
      }),
      signal,
    });
  } catch (error) {
    const network = networkFailure(error);
    if (network === undefined) throw error;
    return fail(
      `cannot reach ${login} (${network})`,
      'allow outbound HTTPS to login.microsoftonline.com from where the app runs',
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  const token = granted.safeParse(body);
  if (response.ok && token.success)
    return pass(
      `Bot Framework token (${scope}) for app ${auth.appId} from tenant ${auth.tenantId}, valid ${token.data.expires_in} s`,
    );
  return entraFailure(response.status, body, auth);
}
