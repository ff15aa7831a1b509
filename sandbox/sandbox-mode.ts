import type { Config } from '../shared/config.js';

/**
 * What `npm start` runs. With no credentials: every outside service faked (the sandbox). With a
 * Google service account and a bot identity both in the environment: the real Google Calendar and
 * Microsoft Teams, and only the store, the queues and the functions host on this machine. One
 * without the other cannot work (the fake Teams' people have no real calendars, and real people's
 * chats cannot reach a fake bot), so it is refused with what to set.
 */
export type SandboxMode =
  | { readonly kind: 'fakes' }
  | { readonly kind: 'real' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export function sandboxMode(config: Config): SandboxMode {
  const google = config.google.auth.kind === 'serviceAccount';
  const teams = config.bot.auth.kind !== 'local';
  if (!google && !teams) return { kind: 'fakes' };
  const problems: string[] = [];
  if (!google)
    problems.push(
      'GOOGLE_SERVICE_ACCOUNT_EMAIL and GOOGLE_PRIVATE_KEY: set them too, or unset BOT_ID to use the fakes',
    );
  if (!teams)
    problems.push('BOT_ID: set it too (with BOT_PASSWORD), or unset the Google settings to use the fakes');
  if (config.bot.auth.kind === 'managedIdentity')
    problems.push('BOT_PASSWORD: is required on this machine (a managed identity exists only in Azure)');
  if (!config.webhookUrl.startsWith('https://'))
    problems.push(
      'CALENDAR_WEBHOOK_URL: must be the public HTTPS address of /api/calendar/webhook ' +
        '(a tunnel to port 7071, e.g. `devtunnel host -p 7071 --allow-anonymous`); Google calls only HTTPS',
    );
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'real' };
}
