import type { Bot } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ServerDeps } from '../server.js';

/**
 * What the HTTP server needs from a bot: the one place that wires a Bot to `startServer` (main, the running-bot
 * test helper and the benchmarks all use it). `overrides`: a test's port 0 on loopback, for instance.
 */
export function serverDepsOf(
  bot: Bot,
  parts: { readonly config: Config; readonly log: Logger; readonly readiness: ServerDeps['readiness'] },
  overrides: Partial<Pick<ServerDeps, 'port' | 'host'>> = {},
): ServerDeps {
  const { config, log, readiness } = parts;
  return {
    port: config.port,
    host: config.bindHost,
    maxRequestBytes: config.maxRequestBytes,
    log,
    processActivity: (req, res, logic) => bot.adapter.process(req, res, logic),
    handleTurn: bot.handle,
    readiness,
    jobs: { secret: config.jobsSecret, trigger: (name) => bot.scheduler.trigger(name) },
    downloads: bot.downloads,
    ...overrides,
  };
}
