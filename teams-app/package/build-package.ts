import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { APP_PACKAGE_DIR } from './app-package-dir.js';
import { checkIcons } from './check-icons.js';
import { fillPlaceholders } from './fill-placeholders.js';
import { validateManifest } from './validate-manifest.js';

/** What varies between installations of Steady; the rest of the manifest is fixed. */
export interface TeamsPackageOptions {
  /** The Teams app id (a GUID), `${{TEAMS_APP_ID}}` in the template. */
  readonly appId: string;
  /** The bot's Microsoft app id (a GUID), `${{BOT_ID}}`. */
  readonly botId: string;
  readonly websiteUrl?: string;
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
  /** The bot's host, e.g. `steady-func.azurewebsites.net` (a URL is reduced to its host); none leaves `validDomains` empty. */
  readonly validDomain?: string;
}

/** The zip to upload to Teams, the manifest inside it, and what is wrong with it (empty when valid). */
export interface TeamsPackage {
  readonly zip: Buffer;
  readonly manifest: object;
  readonly problems: readonly string[];
}

const REPOSITORY = 'https://github.com/steady-contributors/steady';

/** Where the developer links point when no URL is given. */
export const DEFAULT_URLS = {
  websiteUrl: `${REPOSITORY}#readme`,
  privacyUrl: `${REPOSITORY}/blob/main/docs/privacy.md`,
  termsUrl: `${REPOSITORY}/blob/main/docs/terms.md`,
} as const;

const ZIP_DATE = new Date('2020-01-01T00:00:00Z'); // fixed, so the same inputs give the same bytes

function hostOf(value: string): string {
  return value
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '');
}

function urlProblems(urls: Readonly<Record<string, string>>): string[] {
  return Object.entries(urls).flatMap(([name, url]) =>
    /^https:\/\/\S+$/i.test(url) ? [] : [`${name} must be an https URL (got ${url})`],
  );
}

/** Fills the manifest template, validates it and the icons, and zips the three files at the zip's root. */
export async function buildTeamsPackage(
  options: TeamsPackageOptions,
  appPackageDir: string = APP_PACKAGE_DIR,
): Promise<TeamsPackage> {
  const urls = {
    websiteUrl: options.websiteUrl ?? DEFAULT_URLS.websiteUrl,
    privacyUrl: options.privacyUrl ?? DEFAULT_URLS.privacyUrl,
    termsUrl: options.termsUrl ?? DEFAULT_URLS.termsUrl,
  };
  const domain = options.validDomain === undefined ? '' : hostOf(options.validDomain);
  const problems = urlProblems(urls);
  if (options.validDomain !== undefined && !/^[^\s:]+(:\d+)?$/.test(domain)) {
    problems.push(`validDomain must be a host name such as steady.example.com (got ${options.validDomain})`);
  }

  const [template, color, outline] = await Promise.all([
    readFile(join(appPackageDir, 'manifest.json'), 'utf8'),
    readFile(join(appPackageDir, 'color.png')),
    readFile(join(appPackageDir, 'outline.png')),
  ]);
  const filled = fillPlaceholders(JSON.parse(template), {
    TEAMS_APP_ID: options.appId,
    BOT_ID: options.botId,
    STEADY_WEBSITE_URL: urls.websiteUrl,
    STEADY_PRIVACY_URL: urls.privacyUrl,
    STEADY_TERMS_URL: urls.termsUrl,
    BOT_DOMAIN: domain,
  });
  const manifest = filled.value as Record<string, unknown>;
  if (Array.isArray(manifest.validDomains))
    manifest.validDomains = manifest.validDomains.filter((d) => d !== '');
  problems.push(
    ...filled.leftovers,
    ...(await validateManifest(manifest)),
    ...checkIcons({ color, outline }),
  );

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  zip.file('color.png', color, { date: ZIP_DATE });
  zip.file('outline.png', outline, { date: ZIP_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: bytes, manifest, problems };
}
