import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_PACKAGE_DIR } from './app-package-dir.js';
import { encodePng } from './png.js';

// The picture: two overlapping rings, two people, and the space they share filled in. Regenerate the
// committed icons with `npx tsx teams-app/package/draw-icons.ts` after changing anything here.

type Rgba = readonly [number, number, number, number];
type Paint = (x: number, y: number) => Rgba;

const TEAL: Rgba = [14, 124, 123, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [245, 184, 65, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Two rings of radius `r` and stroke `w` centred at (cx ∓ gap/2, cy). */
interface Rings {
  readonly cx: number;
  readonly cy: number;
  readonly gap: number;
  readonly r: number;
  readonly w: number;
}

function where(rings: Rings, x: number, y: number): 'ring' | 'shared' | 'outside' {
  const d1 = Math.hypot(x - (rings.cx - rings.gap / 2), y - rings.cy);
  const d2 = Math.hypot(x - (rings.cx + rings.gap / 2), y - rings.cy);
  if (Math.abs(d1 - rings.r) <= rings.w / 2 || Math.abs(d2 - rings.r) <= rings.w / 2) return 'ring';
  if (d1 < rings.r && d2 < rings.r) return 'shared';
  return 'outside';
}

/** Averages `samples`² points per pixel (premultiplied), so edges are smooth. */
function render(size: number, paint: Paint, samples = 4): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = paint(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const at = (py * size + px) * 4;
      pixels.set(a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a / samples ** 2].map(Math.round), at);
    }
  }
  return pixels;
}

/** The 192×192 colour icon: white rings on teal, the shared space amber. */
export function drawColorIcon(): Buffer {
  const rings: Rings = { cx: 96, cy: 96, gap: 46, r: 46, w: 11 };
  const paint: Paint = (x, y) => {
    const at = where(rings, x, y);
    return at === 'ring' ? WHITE : at === 'shared' ? AMBER : TEAL;
  };
  return encodePng({ width: 192, height: 192, pixels: render(192, paint) });
}

/** The 32×32 outline icon: the same picture in white on transparent, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  const rings: Rings = { cx: 16, cy: 16, gap: 8, r: 8.5, w: 2 };
  const paint: Paint = (x, y) => (where(rings, x, y) === 'outside' ? CLEAR : WHITE);
  return encodePng({ width: 32, height: 32, pixels: render(32, paint) });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(join(APP_PACKAGE_DIR, 'color.png'), drawColorIcon());
  writeFileSync(join(APP_PACKAGE_DIR, 'outline.png'), drawOutlineIcon());
  console.log(`wrote color.png and outline.png in ${APP_PACKAGE_DIR}`);
}
