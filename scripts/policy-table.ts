import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBot } from '../src/app.js';
import { policyTable } from '../src/bot/policy-table.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startEmbeddedAzurite } from '../src/storage/embedded-azurite.js';
import { policyTableIn, withPolicyTable } from './docs/security-policy-table.js';
import { freePort } from './local/ports.js';

/**
 * `npm run docs:policies`: builds the bot (on a throwaway in-memory Azurite), reads every route's declared policy and
 * writes the table into SECURITY.md. `--check` only compares and exits 1 on a difference.
 */
const path = fileURLToPath(new URL('../SECURITY.md', import.meta.url));
const azurite = await startEmbeddedAzurite({ port: await freePort() });
try {
  const config = loadConfig({ TABLE_PREFIX: 'policies', LOG_LEVEL: 'silent' });
  const log = createLogger({ level: 'silent', format: 'json' });
  const bot = await createBot({ config, log, tables: azurite.connectionString });
  const table = policyTable(bot.routes);
  const markdown = readFileSync(path, 'utf8');
  if (process.argv.includes('--check')) {
    const same = policyTableIn(markdown) === table;
    console.log(
      same
        ? 'SECURITY.md route policies are up to date.'
        : 'SECURITY.md route policies differ: run npm run docs:policies.',
    );
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(path, withPolicyTable(markdown, table));
    console.log(`SECURITY.md: ${bot.routes.length} routes written.`);
  }
} finally {
  await azurite.stop();
}
