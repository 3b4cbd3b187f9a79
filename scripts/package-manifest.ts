import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_TEAMS_APP_ID } from './manifest/fill-manifest.js';
import { packageApp } from './manifest/package-app.js';

/** `npm run package`: fills the Teams manifest from the environment and writes build/appPackage/ppi-partner.zip. */
const outDir = fileURLToPath(new URL('../build/appPackage', import.meta.url));

try {
  const path = await packageApp({ env: process.env, outDir });
  if (!process.env.TEAMS_APP_ID?.trim()) {
    console.log(
      `TEAMS_APP_ID is not set, so the package uses the local-only app id ${LOCAL_TEAMS_APP_ID}: set your own GUID before uploading to a tenant.`,
    );
  }
  console.log(`Teams app package written to ${relative(process.cwd(), path) || path}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
