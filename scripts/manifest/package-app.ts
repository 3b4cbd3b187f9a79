import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ZipFile } from 'yazl';
import { fillManifest, readPackagingEnv } from './fill-manifest.js';

const MANIFEST_DIR = new URL('../../manifest/', import.meta.url);

export async function validateManifest(manifest: unknown): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(
    manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
  );
}

/** Fills the manifest from `env`, validates it offline against the bundled schema, and zips it with the icons. */
export async function packageApp(options: { env: NodeJS.ProcessEnv; outDir: string }): Promise<string> {
  const values = readPackagingEnv(options.env);
  const text = fillManifest(readFileSync(new URL('manifest.json', MANIFEST_DIR), 'utf8'), values);
  const manifest: unknown = JSON.parse(text);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new Error(`The manifest does not match the Teams schema:\n${errors.join('\n')}`);
  mkdirSync(options.outDir, { recursive: true });
  const path = join(options.outDir, 'ppi-partner.zip');
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(text), 'manifest.json');
  zip.addBuffer(readFileSync(new URL('color.png', MANIFEST_DIR)), 'color.png');
  zip.addBuffer(readFileSync(new URL('outline.png', MANIFEST_DIR)), 'outline.png');
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject);
  });
  return path;
}
