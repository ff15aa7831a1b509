import { z } from 'zod';
import { fail, type Outcome } from './check.js';
import { messageOf, networkFailure } from './network-error.js';

const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });
const apiError = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional() })).optional(),
  }),
});

const SERVICE_ACCOUNTS = 'Google Cloud console > IAM & Admin > Service accounts';
const NEW_KEY =
  `create a JSON key (${SERVICE_ACCOUNTS} > your account > Keys > Add key) and put its private_key in ` +
  'GOOGLE_PRIVATE_KEY (the Key Vault secret in Azure) and its client_email in GOOGLE_SERVICE_ACCOUNT_EMAIL';

interface TokenContext {
  readonly user: string;
  readonly serviceAccount: string;
  readonly scope: string;
  readonly tokenUrl: string;
}

/** Why Google's token endpoint gave no delegated token, and the setting or console page that fixes it. */
export function tokenFailure(error: unknown, context: TokenContext): Outcome {
  const network = networkFailure(error);
  if (network !== undefined)
    return fail(
      `cannot reach Google's token endpoint ${context.tokenUrl} (${network})`,
      'allow outbound HTTPS to oauth2.googleapis.com from where the app runs',
    );
  const parsed = tokenError.safeParse((error as { response?: { data?: unknown } }).response?.data);
  if (!parsed.success)
    return fail(
      `GOOGLE_PRIVATE_KEY could not sign the token request (${messageOf(error)})`,
      `${NEW_KEY}; paste the whole PEM, BEGIN and END lines included (\\n escapes are accepted)`,
    );
  const { error: code, error_description: description = '' } = parsed.data;
  const said = `${code}: ${description}`.replace(/: $/, '');
  if (code === 'unauthorized_client')
    return fail(
      `Google refused delegation for ${context.user}: the client id of ${context.serviceAccount} is not authorised for ${context.scope} (${code})`,
      `in admin.google.com > Security > Access and data control > API controls > Manage Domain Wide Delegation, ` +
        `add the service account's client ID (${SERVICE_ACCOUNTS} > your account > Details > Unique ID) ` +
        `with exactly the scope ${context.scope}; a new grant can take minutes (at worst 24 h) to apply`,
    );
  if (code === 'invalid_grant' && /signature/i.test(description))
    return fail(
      `GOOGLE_PRIVATE_KEY is not a current key of ${context.serviceAccount} (${said})`,
      `${NEW_KEY}; a deleted key stops working at once`,
    );
  if (code === 'invalid_grant' && /account not found/i.test(description))
    return fail(
      `Google has no service account ${context.serviceAccount} (${said})`,
      `set GOOGLE_SERVICE_ACCOUNT_EMAIL to the client_email of the JSON key (${SERVICE_ACCOUNTS}); a deleted or disabled account cannot sign in`,
    );
  if (code === 'invalid_grant' && /email or user id/i.test(description))
    return fail(
      `${context.user} is not a user of the Google Workspace domain (${said})`,
      'pass --google-user with the email of an active user of the Workspace that granted the delegation',
    );
  if (code === 'invalid_grant' && /iat|exp|timeframe/i.test(description))
    return fail(
      `Google says the token request is not current (${said})`,
      "set this machine's clock right (NTP): Google allows only a few minutes of skew",
    );
  return fail(
    `Google's token endpoint refused the request (${said})`,
    `check GOOGLE_SERVICE_ACCOUNT_EMAIL, GOOGLE_PRIVATE_KEY and the delegation for ${context.scope}`,
  );
}

/** Why `events.list` on the user's calendar failed after a token was issued. */
export function calendarFailure(error: unknown, context: { user: string; rootUrl: string }): Outcome {
  const network = networkFailure(error);
  if (network !== undefined)
    return fail(
      `cannot reach Google Calendar at ${context.rootUrl} (${network})`,
      'leave GOOGLE_ROOT_URL unset (https://www.googleapis.com/) and allow outbound HTTPS to it',
    );
  const response = (error as { response?: { status?: unknown; data?: unknown } }).response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const parsed = apiError.safeParse(response?.data);
  const reason = parsed.success ? (parsed.data.error.errors?.[0]?.reason ?? '') : '';
  const message = parsed.success ? (parsed.data.error.message ?? '') : messageOf(error);
  const said = `${status ?? 'error'} ${reason}: ${message.slice(0, 200)}`.replace(/ :/, ':');
  if (reason === 'accessNotConfigured' || /has not been used|is disabled/i.test(message))
    return fail(
      `the Google Calendar API is not enabled in the service account's project (${said})`,
      'Google Cloud console > APIs & Services > Library > Google Calendar API > Enable, in the project of the service account',
    );
  if (status === 404)
    return fail(
      `Google Calendar found no calendar for ${context.user} (${said})`,
      'pass --google-user with a user who has Google Calendar enabled (admin.google.com > Apps > Google Workspace > Calendar)',
    );
  return fail(
    `Google Calendar refused events.list on ${context.user}'s calendar (${said})`,
    'check that the delegation grants https://www.googleapis.com/auth/calendar.events.readonly and that GOOGLE_ROOT_URL is unset or https://www.googleapis.com/',
  );
}
