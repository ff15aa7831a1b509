import { z } from 'zod';
import { fail, type Outcome } from './check.js';

const entraError = z.object({
  error: z.string(),
  error_description: z.string().default(''),
  error_codes: z.array(z.number()).default([]),
});

const NEW_SECRET =
  "Microsoft Entra ID > App registrations > the bot's app > Certificates & secrets > New client secret; " +
  'put its Value (not its Secret ID) in BOT_PASSWORD (the Key Vault secret in Azure)';

/** What Entra's refusal (`AADSTS…`) means for BOT_ID, BOT_PASSWORD or BOT_TENANT_ID, and the fix. */
export function entraFailure(
  status: number,
  body: unknown,
  auth: { appId: string; tenantId: string },
): Outcome {
  const parsed = entraError.safeParse(body);
  if (!parsed.success)
    return fail(
      `the login endpoint answered ${status} without a token or an Entra error`,
      'check for a proxy between this machine and login.microsoftonline.com',
    );
  const { error, error_description: description, error_codes: codes } = parsed.data;
  const code = codes[0] ?? Number(/AADSTS(\d+)/.exec(description)?.[1] ?? Number.NaN);
  const said = `AADSTS${code} ${error}: ${description.split(/\r?\n/)[0]?.replace(/^AADSTS\d+:\s*/, '') ?? ''}`;
  switch (code) {
    case 7000215:
      return fail(`BOT_PASSWORD is not a client secret of app ${auth.appId} (${said})`, NEW_SECRET);
    case 7000222:
      return fail(`BOT_PASSWORD has expired (${said})`, NEW_SECRET);
    case 700016:
      return fail(
        `BOT_ID ${auth.appId} is not an app registration in tenant ${auth.tenantId} (${said})`,
        "set BOT_ID to the Microsoft App ID and BOT_TENANT_ID to the App Tenant ID, both on the Azure Bot's Configuration page",
      );
    case 90002:
    case 900023:
      return fail(
        `BOT_TENANT_ID ${auth.tenantId} is not a Microsoft Entra tenant (${said})`,
        'set BOT_TENANT_ID to the Tenant ID shown on Microsoft Entra ID > Overview (the App Tenant ID of the Azure Bot)',
      );
    default:
      return fail(
        `Entra refused the bot's token request (${said})`,
        "check BOT_ID, BOT_PASSWORD and BOT_TENANT_ID against the Azure Bot's Configuration page",
      );
  }
}
