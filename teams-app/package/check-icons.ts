import { readPng, type PngHeader } from './png.js';

/** The two icons of a Teams app package, as file bytes. */
export interface Icons {
  readonly color: Buffer;
  readonly outline: Buffer;
}

/** Teams' sizes: a full-colour 192×192 icon and a 32×32 white-on-transparent outline. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

function decoded(name: string, png: Buffer, problems: string[]): ReturnType<typeof readPng> | undefined {
  try {
    return readPng(png);
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function checkSize(name: string, found: PngHeader, size: number, problems: string[]): void {
  if (found.width !== size || found.height !== size) {
    problems.push(`${name} is ${found.width}×${found.height}, must be ${size}×${size}`);
  }
}

// Only pixels that are clearly visible count: editors leave arbitrary colours under near-zero alpha.
function checkWhiteOnTransparent(pixels: Uint8Array, alpha: boolean, problems: string[]): void {
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const opacity = pixels[i + 3] ?? 0;
    if (opacity === 0) transparent++;
    else if (opacity >= 16 && [0, 1, 2].some((c) => (pixels[i + c] ?? 0) < 224)) coloured++;
  }
  if (!alpha && transparent === 0)
    problems.push('outline.png has no transparency (no alpha channel, no tRNS chunk)');
  else if (transparent === 0)
    problems.push('outline.png has no transparent pixel: its background must be transparent');
  if (coloured > 0) problems.push(`outline.png has ${coloured} visible pixels that are not white`);
}

/** Checks the icons' sizes, and that the outline is white on a transparent background. */
export function checkIcons(icons: Icons): string[] {
  const problems: string[] = [];
  const color = decoded('color.png', icons.color, problems);
  if (color) checkSize('color.png', color.header, ICON_SIZES.color, problems);
  const outline = decoded('outline.png', icons.outline, problems);
  if (!outline) return problems;
  checkSize('outline.png', outline.header, ICON_SIZES.outline, problems);
  checkWhiteOnTransparent(outline.image.pixels, outline.header.alpha, problems);
  return problems;
}
