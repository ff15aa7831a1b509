import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR } from '../../teams-app/package/app-package-dir.js';
import { buildTeamsPackage, DEFAULT_URLS } from '../../teams-app/package/build-package.js';
import { checkIcons } from '../../teams-app/package/check-icons.js';
import { drawColorIcon, drawOutlineIcon } from '../../teams-app/package/draw-icons.js';
import { fillPlaceholders } from '../../teams-app/package/fill-placeholders.js';
import { decodeRgbaPng, encodePng, readPngHeader, type RgbaImage } from '../../teams-app/package/png.js';
import { MANIFEST_SCHEMA_URL, validateManifest } from '../../teams-app/package/validate-manifest.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const BOT_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
// Teams shows at most 10; pause and resume are in help.
const COMMANDS = [
  'help',
  'agenda',
  'add',
  'note',
  'private',
  'action',
  'done',
  'feedback',
  'growth',
  'digest',
];

const committed = (file: string) => readFile(join(APP_PACKAGE_DIR, file));
const template = async () =>
  JSON.parse(await readFile(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as unknown;

interface Manifest {
  id: string;
  manifestVersion: string;
  description: { short: string; full: string };
  developer: Record<string, string>;
  validDomains: string[];
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}

/** A valid filled manifest to break one field of. */
async function validManifest(): Promise<Manifest> {
  return (await buildTeamsPackage({ appId: APP_ID, botId: BOT_ID })).manifest as Manifest;
}

const dirs: string[] = [];
/** A copy of appPackage/ in a temporary folder, with some files replaced. */
async function appPackageWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'steady-teams-'));
  dirs.push(dir);
  for (const file of ['manifest.json', 'color.png', 'outline.png']) {
    await copyFile(join(APP_PACKAGE_DIR, file), join(dir, file));
  }
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function image(size: number, pixel: (x: number, y: number) => readonly number[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pixels.set(pixel(x, y), (y * size + x) * 4);
  return { width: size, height: size, pixels };
}

describe('buildTeamsPackage', () => {
  it('builds a valid package from sample ids: three files at the zip root, the ids filled', async () => {
    const pkg = await buildTeamsPackage({
      appId: APP_ID,
      botId: BOT_ID,
      validDomain: 'https://steady-func.azurewebsites.net/api/messages',
    });
    expect(pkg.problems).toEqual([]);

    const zip = await JSZip.loadAsync(pkg.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as Manifest;
    expect(manifest).toEqual(pkg.manifest);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['steady-func.azurewebsites.net']);
    expect(manifest.developer).toMatchObject({
      websiteUrl: DEFAULT_URLS.websiteUrl,
      privacyUrl: DEFAULT_URLS.privacyUrl,
      termsOfUseUrl: DEFAULT_URLS.termsUrl,
    });
    const [bot] = manifest.bots;
    expect(bot).toMatchObject({
      botId: BOT_ID,
      scopes: ['personal'],
      supportsFiles: true, // the export: a file consent card needs it
      isNotificationOnly: false,
    });
    expect(bot?.commandLists).toHaveLength(1);
    expect(bot?.commandLists[0]?.scopes).toEqual(['personal']);
    expect(bot?.commandLists[0]?.commands.map((c) => c.title)).toEqual(COMMANDS);
    expect(Buffer.from(await zip.file('color.png')!.async('uint8array'))).toEqual(
      await committed('color.png'),
    );
  });

  it('keeps Teams’ limits on the texts: short description, command titles and descriptions', async () => {
    const manifest = await validManifest();
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full).toMatch(/Google Calendar/);
    for (const command of manifest.bots[0]?.commandLists[0]?.commands ?? []) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('fills the given URLs and leaves validDomains empty without a domain', async () => {
    const pkg = await buildTeamsPackage({
      appId: APP_ID,
      botId: BOT_ID,
      websiteUrl: 'https://steady.example.com/',
      privacyUrl: 'https://steady.example.com/privacy',
      termsUrl: 'https://steady.example.com/terms',
    });
    expect(pkg.problems).toEqual([]);
    expect((pkg.manifest as Manifest).developer).toMatchObject({
      websiteUrl: 'https://steady.example.com/',
      privacyUrl: 'https://steady.example.com/privacy',
      termsOfUseUrl: 'https://steady.example.com/terms',
    });
    expect((pkg.manifest as Manifest).validDomains).toEqual([]);
  });

  it('reports bad ids, a non-https URL and a bad domain', async () => {
    const pkg = await buildTeamsPackage({
      appId: 'not-a-guid',
      botId: BOT_ID,
      privacyUrl: 'http://steady.example.com/privacy',
      validDomain: 'steady example.com',
    });
    expect(pkg.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/id must match pattern/),
        expect.stringMatching(/^privacyUrl must be an https URL/),
        expect.stringMatching(/^validDomain must be a host name/),
      ]),
    );
  });

  it('reports a placeholder the template still holds after filling', async () => {
    const manifest = { ...((await template()) as object), version: '${{APP_VERSION}}' };
    const dir = await appPackageWith({ 'manifest.json': JSON.stringify(manifest) });
    const pkg = await buildTeamsPackage({ appId: APP_ID, botId: BOT_ID }, dir);
    expect(pkg.problems).toContain('/version still holds a placeholder: ${{APP_VERSION}}');
  });

  it('reports icons of the wrong size in the package', async () => {
    const dir = await appPackageWith({ 'color.png': await committed('outline.png') });
    const pkg = await buildTeamsPackage({ appId: APP_ID, botId: BOT_ID }, dir);
    expect(pkg.problems).toEqual(['color.png is 32×32, must be 192×192']);
  });
});

describe('fillPlaceholders', () => {
  it('fills strings of the parsed JSON, so a value with quotes cannot break out of its string', () => {
    const filled = fillPlaceholders({ a: ['${{X}}-${{ Y }}'], b: { c: 1 } }, { X: '"}', Y: 'y' });
    expect(filled).toEqual({ value: { a: ['"}-y'], b: { c: 1 } }, leftovers: [] });
  });
});

describe('validateManifest (the bundled v1.30 schema, offline)', () => {
  it('accepts the filled manifest', async () => {
    expect(await validateManifest(await validManifest())).toEqual([]);
  });

  it('reports a 100-character short description with its path', async () => {
    const manifest = await validManifest();
    manifest.description.short = 'x'.repeat(100);
    const problems = await validateManifest(manifest);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/description\/short must NOT have more than 80 characters/);
  });

  it('reports an id and a bot id that are not GUIDs', async () => {
    const manifest = await validManifest();
    manifest.id = 'steady';
    manifest.bots[0]!.botId = '1234';
    const problems = await validateManifest(manifest);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['/id', '/bots/0/botId']);
  });

  it('reports a missing required field and a manifest on another schema', async () => {
    const { developer: _developer, ...rest } = await validManifest();
    expect(await validateManifest(rest)).toEqual([
      expect.stringMatching(/^\/ must have required property 'developer'/),
    ]);
    const older = { ...(await validManifest()), $schema: MANIFEST_SCHEMA_URL.replace('v1.30', 'v1.17') };
    expect(await validateManifest(older)).toEqual([expect.stringMatching(/^\/\$schema must be https:/)]);
  });
});

describe('icons', () => {
  it('are 192×192 (colour) and 32×32 RGBA (outline), and pass the checks', async () => {
    const color = await committed('color.png');
    const outline = await committed('outline.png');
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    expect(checkIcons({ color, outline })).toEqual([]);
  });

  it('are what draw-icons draws, so they can be regenerated', async () => {
    expect(decodeRgbaPng(await committed('color.png'))).toEqual(decodeRgbaPng(drawColorIcon()));
    expect(decodeRgbaPng(await committed('outline.png'))).toEqual(decodeRgbaPng(drawOutlineIcon()));
  });

  it('reports wrong sizes, an opaque outline and a coloured outline', async () => {
    const color = await committed('color.png');
    const outline = await committed('outline.png');
    expect(checkIcons({ color: outline, outline: color })).toEqual([
      'color.png is 32×32, must be 192×192',
      'outline.png is 192×192, must be 32×32',
      'outline.png has no transparent pixel: its background must be transparent',
      expect.stringMatching(/^outline\.png has \d+ visible pixels that are not white$/),
    ]);
    const opaque = encodePng(image(32, () => [255, 255, 255, 255]));
    expect(checkIcons({ color, outline: opaque })).toEqual([
      'outline.png has no transparent pixel: its background must be transparent',
    ]);
    const teal = encodePng(image(32, (x) => (x < 16 ? [0, 0, 0, 0] : [14, 124, 123, 255])));
    expect(checkIcons({ color, outline: teal })).toEqual([
      'outline.png has 512 visible pixels that are not white',
    ]);
    expect(checkIcons({ color: Buffer.from('not a png'), outline })).toEqual([
      'color.png: not a PNG (bad signature)',
    ]);
  });

  it('reports an outline without an alpha channel', async () => {
    const color = await committed('color.png');
    const white = new PNG({ width: 32, height: 32, fill: true });
    white.data.fill(255);
    const rgb = PNG.sync.write(white, { colorType: 2 });
    expect(readPngHeader(rgb)).toMatchObject({ colorType: 2, alpha: false });
    expect(checkIcons({ color, outline: rgb })).toEqual([
      'outline.png has no transparency (no alpha channel, no tRNS chunk)',
    ]);
  });
});

/** Re-encodes an image with one PNG row filter on every row, as other encoders do. */
function encodeWithFilter(source: RgbaImage, filter: 1 | 2 | 3 | 4): Buffer {
  const { width, height, pixels } = source;
  const stride = width * 4;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (pixels[y * stride + x] ?? 0));
  const paeth = (a: number, b: number, c: number) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  const rows = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const [left, up, upLeft] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      rows[y * (stride + 1) + 1 + x] = (at(x, y) - predictor) & 0xff;
    }
  }
  const idat = Buffer.concat([Buffer.from('IDAT'), deflateSync(rows)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(idat.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(idat));
  const plain = encodePng(source);
  const iend = plain.subarray(plain.length - 12);
  // Signature and IHDR are the first 33 bytes.
  return Buffer.concat([plain.subarray(0, 33), length, idat, crc, iend]);
}

describe('decodeRgbaPng', () => {
  it.each([1, 2, 3, 4] as const)('undoes row filter %i', (filter) => {
    const source = image(9, (x, y) => [x * 28, y * 28, (x * y * 7) % 256, 255 - x * y]);
    expect(decodeRgbaPng(encodeWithFilter(source, filter))).toEqual(source);
  });
});
