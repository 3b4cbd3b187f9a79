import { packageApp } from './manifest/package-app.js';

try {
  const path = await packageApp({ env: process.env, outDir: 'build/appPackage' });
  console.log(`Teams app package written to ${path}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
