import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { ZipFile } from 'yazl';
import { fillManifest, readPackagingEnv } from './fill-manifest.js';

export const MANIFEST_DIR = new URL('../../manifest/', import.meta.url);
export const PACKAGE_FILE_NAME = 'ppi-partner.zip';

/** The icons the package must carry, at the sizes Teams requires. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

type ValidatableManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

/**
 * Schema errors for a manifest object, one string per problem ([] when valid). The schema is read from the copy
 * bundled in @microsoft/app-manifest when `$schema` is the developer.microsoft.com Teams schema URL of a version it
 * ships (1.1.2 bundles up to v1.30, so manifest/manifest.json's v1.29 is checked offline); any other `$schema` makes
 * the library download the schema instead.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as ValidatableManifest);
}

/** Checks what the schema cannot: that each icon is a PNG of the right size and the outline is white on transparent. */
export function iconProblems(kind: keyof typeof ICON_SIZES, name: string, data: Buffer): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch {
    return [`${name} is not a PNG file.`];
  }
  const size = ICON_SIZES[kind];
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) {
    problems.push(`${name} is ${png.width}x${png.height}; the ${kind} icon must be ${size}x${size}.`);
  }
  if (kind === 'outline') {
    for (let i = 0; i < png.data.length; i += 4) {
      const white = png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255;
      const alpha = png.data[i + 3];
      if (alpha !== 0 && !(white && alpha === 255)) {
        problems.push(`${name} must hold only white (255, 255, 255) and fully transparent pixels.`);
        break;
      }
    }
  }
  return problems;
}

/**
 * Fills manifest/manifest.json from `env`, validates it offline against the bundled Teams schema, checks the icons,
 * and writes `<outDir>/ppi-partner.zip` with manifest.json and the two icons at its root. Returns the zip's path.
 * Throws an Error whose message says what to fix; nothing is written unless everything is valid.
 */
export async function packageApp(options: { env: NodeJS.ProcessEnv; outDir: string }): Promise<string> {
  const values = readPackagingEnv(options.env);
  const text = fillManifest(await readFile(new URL('manifest.json', MANIFEST_DIR), 'utf8'), values);
  const manifest = JSON.parse(text) as { icons?: { color?: unknown; outline?: unknown } };
  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new Error(`manifest/manifest.json does not match its Teams schema:\n  ${errors.join('\n  ')}`);
  }

  const icons: { name: string; data: Buffer }[] = [];
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons?.[kind];
    if (typeof name !== 'string' || !/^[\w.-]+\.png$/.test(name)) {
      problems.push(`icons.${kind} must name a .png file beside manifest.json (e.g. "${kind}.png").`);
      continue;
    }
    const data = await readFile(new URL(name, MANIFEST_DIR)).catch(() => undefined);
    if (!data) {
      problems.push(`manifest/${name} is missing: run npx tsx scripts/make-icons.ts.`);
      continue;
    }
    problems.push(...iconProblems(kind, `manifest/${name}`, data));
    icons.push({ name, data });
  }
  if (problems.length > 0) throw new Error(`The app icons are not usable:\n  ${problems.join('\n  ')}`);

  await mkdir(options.outDir, { recursive: true });
  const path = join(options.outDir, PACKAGE_FILE_NAME);
  const partial = `${path}.partial`;
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(text, 'utf8'), 'manifest.json');
  for (const icon of icons) zip.addBuffer(icon.data, icon.name);
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return path;
}
