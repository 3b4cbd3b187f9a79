import { Application as App, type Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { type Bot, type BotOptions, createBot, serverDepsOf } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';

const silent = createLogger({ level: 'silent', format: 'json' });

export interface BenchServer {
  readonly url: string;
  readonly bot?: Bot;
  stop(): Promise<void>;
}

/** The real bot (real Application, Azure Tables on the given Azurite) behind the real HTTP endpoint. */
export async function startRealBot(
  connectionString: string,
  env: Record<string, string> = {},
  options: Partial<BotOptions> = {},
): Promise<BenchServer> {
  const config = loadConfig({
    TABLE_PREFIX: `b${Math.random().toString(36).slice(2, 9)}`,
    LOG_LEVEL: 'silent',
    PPI_ADMIN_IDS: 'aad-bench-0',
    ...env,
  });
  const bot = await createBot({ config, log: silent, tables: connectionString, ...options });
  const parts = { config, log: silent, readiness: async () => undefined };
  const server = await startServer(serverDepsOf(bot, parts, { port: 0, host: '127.0.0.1' }));
  return { url: server.url, bot, stop: () => server.close() };
}

/** The baseline: a bare teams-ai Application that echoes, on the same adapter and HTTP stack, with no storage. */
export async function startEchoBot(): Promise<BenchServer> {
  const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const app: Application = new App({ adapter, botAppId: '', startTypingTimer: false, longRunningMessages: false });
  app.activity('message', async (context: TurnContext) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    maxRequestBytes: 256 * 1024,
    log: silent,
    processActivity: (req, res, logic) => adapter.process(req, res, logic),
    handleTurn: (context) => app.run(context).then(() => undefined),
    readiness: async () => undefined,
  });
  return { url: server.url, stop: () => server.close() };
}
