import { type Bot, createBot, serverDepsOf } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { type RunningServer, startServer } from './server.js';
import { type OpenedStorage, openStorage } from './storage/open-storage.js';
import { probeStore } from './storage/probe-store.js';
import { describeAccess } from './storage/table-access.js';

/** Process entry: config → store (embedded Azurite only for a local run) → bot → HTTP; clean shutdown on signals. */

function describeMode(config: Config): string {
  return config.credentials.kind === 'anonymous'
    ? 'local anonymous mode (no MicrosoftAppId): only a local client such as the Agents Playground can talk to this bot'
    : `authenticated as Azure Bot ${config.credentials.appId} (${config.credentials.kind}), tenants ${config.allowedTenantIds.join(', ')}`;
}

async function start(config: Config, log: Logger): Promise<() => Promise<void>> {
  let storage: OpenedStorage;
  try {
    storage = await openStorage(config.storage);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (config.storage.kind === 'embedded-azurite') {
    log.info(
      { port: storage.embeddedPort, location: config.storage.location },
      'embedded Azurite started (no STORAGE_ACCOUNT_URL or STORAGE_CONNECTION_STRING: local run)',
    );
  }
  try {
    return await startBot(config, log, storage);
  } catch (error) {
    await storage.stop();
    throw error;
  }
}

async function startBot(config: Config, log: Logger, storage: OpenedStorage): Promise<() => Promise<void>> {
  const unreachable = await probeStore(storage.access);
  if (unreachable) throw new ConfigError(unreachable);
  log.info({ storage: describeAccess(storage.access) }, 'Azure Table Storage reachable');
  const now = clockOf(config, log);
  const bot: Bot = await createBot({ config, log, tables: storage.access, ...(now ? { now } : {}) });
  const server: RunningServer = await startServer(
    serverDepsOf(bot, { config, log, readiness: () => probeStore(storage.access) }),
  );
  if (config.scheduler.enabled) bot.scheduler.start(config.scheduler.tickSeconds * 1000);
  log.info(
    { scheduler: config.scheduler.enabled, jobs: bot.jobs.map((j) => j.name), jobEndpoint: Boolean(config.jobsSecret) },
    config.scheduler.enabled
      ? `scheduler ticking every ${config.scheduler.tickSeconds} s`
      : 'scheduler off (SCHEDULER_ENABLED=false): jobs run only through POST /api/jobs/<name>',
  );
  log.info(
    { url: `${server.url}/api/messages`, mode: config.credentials.kind, production: config.production },
    `bot listening: ${describeMode(config)}`,
  );
  return async () => {
    await server.close();
    await bot.scheduler.stop();
    await storage.stop();
  };
}

/** BOT_CLOCK (local testing): a clock that starts at the given instant and runs on. */
function clockOf(config: Config, log: Logger): (() => Date) | undefined {
  if (!config.clockStart) return undefined;
  const offset = config.clockStart.getTime() - Date.now();
  log.warn(
    { clock: config.clockStart.toISOString() },
    'BOT_CLOCK is set: the bot runs on a shifted clock (testing only)',
  );
  return () => new Date(Date.now() + offset);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(78);
  }
  const log = createLogger(config.log);
  let stop: () => Promise<void>;
  try {
    stop = await start(config, log);
  } catch (error) {
    // console, not the logger: the pretty transport is asynchronous and would be cut off by exit.
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('Start-up failed:', error);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight turns');
    const force = setTimeout(() => process.exit(1), 20_000);
    stop()
      .then(() => {
        clearTimeout(force);
        log.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
}

await main();
