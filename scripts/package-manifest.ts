import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageApp } from './manifest/package-app.js';

/** `npm run package`: fills the Teams manifest from the environment and writes build/appPackage/ppi-partner.zip. */
const outDir = fileURLToPath(new URL('../build/appPackage', import.meta.url));

try {
  const path = await packageApp({ env: process.env, outDir });
  console.log(`Teams app package written to ${relative(process.cwd(), path) || path}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
