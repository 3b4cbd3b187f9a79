import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** Draws the app icons: a white speech bubble with two heads, on NHS blue (colour) and on transparent (outline). */
type Paint = (x: number, y: number) => boolean;

function inBubble(x: number, y: number, size: number): boolean {
  const s = size / 192;
  const cx = 96 * s;
  const cy = 86 * s;
  const rx = 70 * s;
  const ry = 52 * s;
  const ellipse = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  const tail = y >= 120 * s && y <= 160 * s && x >= 52 * s && x <= 52 * s + (160 * s - y) * 0.9;
  return ellipse || tail;
}

function inPeople(x: number, y: number, size: number): boolean {
  const s = size / 192;
  const head = (hx: number) => ((x - hx * s) ** 2 + (y - 70 * s) ** 2) ** 0.5 <= 12 * s;
  const body = (bx: number) => ((x - bx * s) / (20 * s)) ** 2 + ((y - 112 * s) / (20 * s)) ** 2 <= 1 && y <= 108 * s;
  return head(74) || head(118) || body(74) || body(118);
}

function draw(size: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = paint(x + 0.5, y + 0.5);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

const bubble: Paint = (x, y) => inBubble(x, y, 192) && !inPeople(x, y, 192);
writeFileSync(
  'manifest/color.png',
  draw(192, (x, y) => (bubble(x, y) ? [255, 255, 255, 255] : [0, 94, 184, 255])),
);
writeFileSync(
  'manifest/outline.png',
  draw(32, (x, y) => (inBubble(x, y, 32) && !inPeople(x, y, 32) ? [255, 255, 255, 255] : [255, 255, 255, 0])),
);
console.log('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)');
