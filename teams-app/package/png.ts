import { PNG } from 'pngjs';

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** `width * height * 4` bytes: red, green, blue, alpha. */
  readonly pixels: Uint8Array;
}

/** What a PNG's header says. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
  /** Whether the colour type carries an alpha channel. */
  readonly alpha: boolean;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes a PNG of any colour type, depth, filter or interlacing with pngjs, checking its CRCs. */
function read(png: Buffer): ReturnType<typeof PNG.sync.read> {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (bad signature)');
  return PNG.sync.read(png);
}

/** Encodes an RGBA image as a non-interlaced 8-bit RGBA PNG. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error(`pixels: expected ${width * height * 4} bytes`);
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels);
  return PNG.sync.write(png, { deflateLevel: 9 });
}

/** A PNG's header and its pixels as 8-bit RGBA (a palette's tRNS becomes alpha), decoded once. */
export function readPng(png: Buffer): { readonly header: PngHeader; readonly image: RgbaImage } {
  const { width, height, depth, colorType, interlace, alpha, data } = read(png);
  return {
    header: { width, height, bitDepth: depth, colorType, interlaced: interlace, alpha },
    image: { width, height, pixels: new Uint8Array(data) },
  };
}

/** Reads the header of a PNG; throws when the bytes are not a PNG. */
export const readPngHeader = (png: Buffer): PngHeader => readPng(png).header;

/** Decodes a PNG to 8-bit RGBA pixels, whatever its format. */
export const decodeRgbaPng = (png: Buffer): RgbaImage => readPng(png).image;
