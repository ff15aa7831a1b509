import { fail, pass, type Outcome } from './check.js';

/**
 * A Bot Framework token for the bot's user-assigned managed identity, as the Teams SDK gets it in Azure:
 * through `ManagedIdentityCredential` (MSAL), from the app's identity endpoint (`IDENTITY_ENDPOINT`).
 */
export async function managedIdentityBotToken(
  clientId: string,
  scope: string,
  signal: AbortSignal,
): Promise<Outcome> {
  const { ManagedIdentityCredential } = await import('@azure/identity');
  try {
    const token = await new ManagedIdentityCredential({ clientId }).getToken(scope, { abortSignal: signal });
    return pass(
      `Bot Framework token (${scope}) for the managed identity ${clientId}, valid until ${new Date(token.expiresOnTimestamp).toISOString()}`,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(
      `the managed identity ${clientId} got no token here (${reason})`,
      "attach the user-assigned identity whose client id is BOT_ID to the Function App (azd up does), or set BOT_ID to the client id of the identity the Azure Bot uses (its Configuration page: 'Microsoft App ID')",
    );
  }
}
