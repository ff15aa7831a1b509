// Builds the Teams app package: `npm run package:teams -- --app-id <guid> --bot-id <guid>`.
// Each option falls back to its environment variable; with neither id, fake ids give a package that is
// good for validation only.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildTeamsPackage, type TeamsPackageOptions } from '../teams-app/package/build-package.js';

const FAKE_APP_ID = '00000000-0000-4000-8000-00000000a991';
const FAKE_BOT_ID = '00000000-0000-4000-8000-00000000b071';

const settings = {
  'app-id': 'TEAMS_APP_ID',
  'bot-id': 'BOT_ID',
  'website-url': 'STEADY_WEBSITE_URL',
  'privacy-url': 'STEADY_PRIVACY_URL',
  'terms-url': 'STEADY_TERMS_URL',
  'valid-domain': 'BOT_DOMAIN',
} as const;
type Setting = keyof typeof settings;

const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(settings).map((name) => [name, { type: 'string' }])) as Record<
    Setting,
    { type: 'string' }
  >,
});
const read = (name: Setting): string | undefined => {
  const value = values[name] ?? process.env[settings[name]];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

let appId = read('app-id');
let botId = read('bot-id');
if (appId === undefined && botId === undefined) {
  appId = FAKE_APP_ID;
  botId = FAKE_BOT_ID;
  console.warn(
    'warning: no --app-id/TEAMS_APP_ID and no --bot-id/BOT_ID given: using fake ids.\n' +
      'This package is only good for validation; Teams will not reach a bot with it.',
  );
} else if (appId === undefined || botId === undefined) {
  console.error(
    `missing ${appId === undefined ? '--app-id (or TEAMS_APP_ID)' : '--bot-id (or BOT_ID)'}: give both ids or neither`,
  );
  process.exit(1);
}

const optional = (key: keyof TeamsPackageOptions, name: Setting) => {
  const value = read(name);
  return value === undefined ? {} : { [key]: value };
};
const pkg = await buildTeamsPackage({
  appId,
  botId,
  ...optional('websiteUrl', 'website-url'),
  ...optional('privacyUrl', 'privacy-url'),
  ...optional('termsUrl', 'terms-url'),
  ...optional('validDomain', 'valid-domain'),
});

const out = fileURLToPath(new URL('../dist/teams-app/steady.zip', import.meta.url));
await mkdir(fileURLToPath(new URL('../dist/teams-app/', import.meta.url)), { recursive: true });
await writeFile(out, pkg.zip);
console.log(out);
if (pkg.problems.length === 0) {
  console.log('valid');
} else {
  console.error(`invalid: ${pkg.problems.length} problem(s)`);
  for (const problem of pkg.problems) console.error(`  ${problem}`);
  process.exit(1);
}
