import { verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** The audience Google requires in a service account's assertion: its token endpoint. */
export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google accepts assertions valid for at most an hour, with a little clock skew. */
const MAX_LIFETIME_SECONDS = 3600;
const SKEW_SECONDS = 300;

/** A service account the fake knows: the public half of its key pair, and its OAuth client id. */
export interface FakeServiceAccount {
  readonly email: string;
  readonly clientId: string;
  readonly publicKey: string | KeyObject;
}

/** What Google knows when it answers: the accounts, the Workspace users, the admin's delegations. */
export interface GoogleDirectory {
  readonly serviceAccounts: readonly FakeServiceAccount[];
  /** The Workspace users a service account may act for (`sub`). */
  readonly users: readonly string[];
  /** Domain-wide delegation as set in the Admin console: client id → the scopes authorised for it. */
  readonly delegations: Readonly<Record<string, readonly string[]>>;
}

/** A token the fake issued. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly serviceAccount: string;
  readonly subject?: string;
  readonly scope: string;
}

/** Google's token endpoint answer: a token, or `{ error, error_description }` with its status. */
export interface TokenReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const header = z.object({ alg: z.string() });
const claims = z.object({
  iss: z.string(),
  scope: z.string().optional(),
  aud: z.string(),
  iat: z.number(),
  exp: z.number(),
  sub: z.string().optional(),
});

const fail = (status: number, error: string, description: string): TokenReply => ({
  status,
  body: { error, error_description: description },
});

/**
 * `POST https://oauth2.googleapis.com/token` with a JWT bearer grant: the RS256 assertion is verified
 * against the service account's public key, then its claims, then the delegation for `sub`, in the
 * order Google reports them, with Google's error codes and descriptions.
 */
export function exchangeAssertion(
  directory: GoogleDirectory,
  form: URLSearchParams,
  now: Date,
  issue: (token: Omit<IssuedToken, 'accessToken'>) => string,
): TokenReply {
  const grantType = form.get('grant_type');
  if (grantType !== JWT_BEARER)
    return fail(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  const parts = (form.get('assertion') ?? '').split('.');
  const [encodedHeader, encodedClaims, signature] = parts;
  const head = parts.length === 3 ? header.safeParse(decodeJson(encodedHeader)) : undefined;
  const body = parts.length === 3 ? claims.safeParse(decodeJson(encodedClaims)) : undefined;
  if (!head?.success || !body?.success || signature === undefined)
    return fail(400, 'invalid_request', 'Invalid JWT: the assertion is not a signed JWT.');
  if (head.data.alg !== 'RS256') return fail(400, 'invalid_grant', 'Invalid JWT Signature.');

  const jwt = body.data;
  const account = directory.serviceAccounts.find((a) => a.email === jwt.iss);
  if (account === undefined) return fail(400, 'invalid_grant', 'Invalid grant: account not found');
  const signed = Buffer.from(`${encodedHeader}.${encodedClaims}`);
  if (!verify('sha256', signed, account.publicKey, Buffer.from(signature, 'base64url')))
    return fail(400, 'invalid_grant', 'Invalid JWT Signature.');
  if (jwt.aud !== GOOGLE_TOKEN_AUDIENCE)
    return fail(
      400,
      'invalid_grant',
      `Invalid JWT: Failed audience check. The expected audience is ${GOOGLE_TOKEN_AUDIENCE}.`,
    );
  const seconds = now.getTime() / 1000;
  const lifetime = jwt.exp - jwt.iat;
  if (
    lifetime <= 0 ||
    lifetime > MAX_LIFETIME_SECONDS ||
    jwt.iat > seconds + SKEW_SECONDS ||
    jwt.exp < seconds
  )
    return fail(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  const scopes = (jwt.scope ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0)
    return fail(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');

  if (jwt.sub !== undefined) {
    if (!directory.users.includes(jwt.sub.toLowerCase()))
      return fail(400, 'invalid_grant', 'Invalid email or User ID');
    const granted = directory.delegations[account.clientId] ?? [];
    if (!scopes.every((scope) => granted.includes(scope)))
      return fail(
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
  }
  const accessToken = issue({
    serviceAccount: account.email,
    scope: scopes.join(' '),
    ...(jwt.sub === undefined ? {} : { subject: jwt.sub }),
  });
  return { status: 200, body: { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' } };
}

function decodeJson(part: string | undefined): unknown {
  try {
    return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
