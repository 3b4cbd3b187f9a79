import type { Bot, BotOptions } from '../../src/app.js';
import { createBot, serverDepsOf } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { probeStore } from '../../src/storage/probe-store.js';
import { azuriteConnectionString } from './azurite.js';
import { testConfig } from './test-config.js';

export interface RunningBot {
  readonly bot: Bot;
  readonly server: RunningServer;
  readonly url: string;
  readonly config: Config;
  stop(): Promise<void>;
}

/** The real bot behind the real HTTP endpoint on a free loopback port, against the test Azurite. */
export async function startRunningBot(
  env: Record<string, string> = {},
  options: { now?: () => Date; log?: Logger; authentication?: BotOptions['authentication'] } = {},
): Promise<RunningBot> {
  const config = testConfig({ PORT: '1', ...env });
  const log = options.log ?? createLogger({ level: process.env.TEST_LOG ?? 'silent', format: 'json' });
  const connectionString = azuriteConnectionString();
  const bot = await createBot({
    config,
    log,
    tables: connectionString,
    ...(options.now ? { now: options.now } : {}),
    ...(options.authentication ? { authentication: options.authentication } : {}),
  });
  const readiness = () => probeStore(connectionString);
  const server = await startServer(serverDepsOf(bot, { config, log, readiness }, { port: 0, host: '127.0.0.1' }));
  return {
    bot,
    server,
    url: server.url,
    config,
    stop: async () => {
      await server.close();
      await bot.scheduler.stop();
    },
  };
}
