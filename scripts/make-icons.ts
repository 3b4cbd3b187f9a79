import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws the two Teams app icons: a speech bubble with two people cut out of it (patients and staff in conversation).
 *
 * - manifest/color.png, 192x192: the white symbol on NHS blue (#005EB8), kept inside the central 96x96 square, so
 *   the 48 px of padding Teams asks for survives its rounded-square and hexagonal (bot) crops.
 * - manifest/outline.png, 32x32: the same symbol filling the square (Teams wants no padding here), white
 *   (255, 255, 255) where it is drawn and alpha 0 everywhere else: no anti-aliasing, no other colours.
 *
 * Run with `npx tsx scripts/make-icons.ts` from the repository root.
 */

type Rgba = readonly [number, number, number, number];

const NHS_BLUE: Rgba = [0x00, 0x5e, 0xb8, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [255, 255, 255, 0];

/** Is the point inside the symbol? Coordinates in a 32 x 32 design box. */
function inSymbol(x: number, y: number): boolean {
  const inEllipse = (cx: number, cy: number, rx: number, ry: number) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  // The bubble: a wide ellipse with a tail down to the bottom-left corner.
  const bubble = inEllipse(16, 13, 16, 12.5);
  const tail = y >= 19 && y <= 32 && x >= 3 && x <= 12 - ((y - 19) * 9) / 13;
  // Two people, cut out of the bubble: round heads, and shoulders cut flat at the bottom.
  const head = (cx: number) => inEllipse(cx, 9, 3.3, 3.3);
  const shoulders = (cx: number) => inEllipse(cx, 21.5, 5, 7.5) && y <= 20;
  const people = head(10) || head(22) || shoulders(10) || shoulders(22);
  return (bubble || tail) && !people;
}

/** Fraction of a pixel covered by the symbol, by 4 x 4 supersampling; `scale` design units per pixel. */
function coverage(px: number, py: number, scale: number, offset: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (inSymbol((px + (sx + 0.5) / 4 - offset) * scale, (py + (sy + 0.5) / 4 - offset) * scale)) hits++;
    }
  }
  return hits / 16;
}

function render(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      png.data.set(pixel(x, y), (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

function mix(from: Rgba, to: Rgba, t: number): Rgba {
  const at = (i: 0 | 1 | 2 | 3) => Math.round(from[i] * (1 - t) + to[i] * t);
  return [at(0), at(1), at(2), at(3)];
}

/** 192 x 192: the 32-unit symbol drawn 3x (96 px) with its top-left at (48, 48); anti-aliased against the blue. */
export function colorIcon(): Buffer {
  return render(192, (x, y) => mix(NHS_BLUE, WHITE, coverage(x, y, 1 / 3, 48)));
}

/** 32 x 32: the symbol at 1:1, each pixel white if at least half covered, otherwise fully transparent. */
export function outlineIcon(): Buffer {
  return render(32, (x, y) => (coverage(x, y, 1, 0) >= 0.5 ? WHITE : TRANSPARENT));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(new URL('../manifest/color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('../manifest/outline.png', import.meta.url), outlineIcon());
  console.log('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)');
}
