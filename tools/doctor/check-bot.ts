import { PUBLIC } from '@microsoft/teams.api';
import { skip, type Check } from './check.js';
import { managedIdentityBotToken } from './managed-identity-bot-token.js';
import { requestBotToken } from './request-bot-token.js';

/**
 * A Bot Framework token for the bot's identity. With a client secret, the same client-credentials
 * request the Teams SDK makes (through MSAL) to the bot's tenant. A managed identity's token can only
 * be fetched where Azure gives the app an identity endpoint; elsewhere that case is skipped, never passed.
 */
export const botCheck: Check = {
  name: 'bot',
  run: async ({ config, options, signal }) => {
    const auth = config.bot.auth;
    switch (auth.kind) {
      case 'local':
        return skip("local mode: the fake Teams does not check the bot's token");
      case 'managedIdentity':
        // App Service and Azure Functions set both for an app with a managed identity; elsewhere there is none.
        if (process.env['IDENTITY_ENDPOINT'] && process.env['IDENTITY_HEADER'])
          return managedIdentityBotToken(auth.appId, PUBLIC.botScope, signal);
        return skip(
          `BOT_PASSWORD is not set, so the bot signs in as the managed identity ${auth.appId}, whose token ` +
            'only Azure can issue: check it there (portal: Azure Bot > Test in Web Chat)',
        );
      case 'secret':
        return requestBotToken(auth, options.loginUrl ?? PUBLIC.loginEndpoint, PUBLIC.botScope, signal);
    }
  },
  timeoutFix: () => 'check that this machine reaches login.microsoftonline.com over HTTPS (proxy, firewall)',
};
