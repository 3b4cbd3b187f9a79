import { botText } from './bot/card-text.js';
import type { Messenger } from './bot/messenger.js';
import type { RoutePolicy } from './bot/router.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { outgoingCardsFor } from './cards/submit-actions.js';
import { createJobs } from './compose/create-jobs.js';
import { createScheduler } from './compose/create-scheduler.js';
import { openStores, type Stores } from './compose/open-stores.js';
import { registerRoutes } from './compose/register-routes.js';
import type { Config } from './config.js';
import type { EngineOverrides } from './delivery/create-engine.js';
import type { Job } from './delivery/job.js';
import { NOTICE_JOB } from './delivery/outbox.js';
import type { Scheduler } from './delivery/scheduler.js';
import { describeFailure } from './errors/describe-failure.js';
import { Downloads } from './exports/downloads.js';
import type { Logger } from './logger.js';
import { PpiRoles } from './ppi-team/store/ppi-roles.js';
import { periodDigestSource } from './reports/handlers/period-digest-source.js';
import type { ServerDeps } from './server.js';
import type { TableAccess } from './storage/table-access.js';
import type { TokenKeyEndpoints } from './teams/create-adapter.js';
import type { MemberLookup } from './teams/create-turn.js';
import { createTeamsBot, type TeamsBot } from './teams/teams-bot.js';

export interface BotOptions {
  readonly config: Config;
  readonly log: Logger;
  /** Azure Table Storage: a connection string, or the account URL and an Entra ID credential. */
  readonly tables: TableAccess;
  readonly now?: () => Date;
  /** Replaces proactive sending (tests record sends instead of calling a connector). */
  readonly messenger?: Messenger;
  /** Replaces the Teams roster lookup (tests, where there is no roster service). */
  readonly lookupMember?: MemberLookup;
  /** Tunes the delivery engine (tests and benchmarks: shorter backoff, other limits). */
  readonly delivery?: EngineOverrides;
  /** Tests only: where incoming tokens' signing keys are fetched (a loopback key server). Never from configuration. */
  readonly authentication?: TokenKeyEndpoints;
}

export interface Bot {
  readonly adapter: TeamsBot['adapter'];
  readonly stores: Stores;
  readonly messenger: Messenger;
  /** Background jobs (nudges, digests), run under a lease by the timer or `POST /api/jobs/<name>`. */
  readonly scheduler: Scheduler;
  readonly jobs: readonly Job[];
  /** Signed download links for exports (GET /api/exports/<name>). */
  readonly downloads: Downloads;
  /** Every route, with who may use it where (the policy table in SECURITY.md). */
  readonly routes: readonly RoutePolicy[];
  /** Handles one incoming activity: the turn guards, then the routes (src/teams/teams-bot.ts). */
  readonly handle: TeamsBot['handle'];
}

/** Composition root, wiring only: stores → Teams → jobs → scheduler → routes (fallback last). */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { config, log } = options;
  const now = options.now ?? (() => new Date());
  const stores = await openStores(options.tables, config.tablePrefix, now, log);
  const roles = new PpiRoles(config.ppiAdminIds, stores.ppiTeam);
  const teams = createTeamsBot({
    credentials: config.credentials,
    allowedTenantIds: config.allowedTenantIds,
    ledger: stores.ledger,
    roles,
    ...(options.authentication ? { authentication: options.authentication } : {}),
    log,
    failures: { describe: describeFailure, card: (text) => buildNoticeCard({ text: botText(text) }) },
    outgoingCards: outgoingCardsFor(config.cardActions),
    ...(options.messenger ? { messenger: options.messenger } : {}),
    ...(options.lookupMember ? { lookupMember: options.lookupMember } : {}),
  });
  const { messenger } = teams;
  const { records, involvements, pirs, champions, lists, projects } = stores;
  const digestSource = periodDigestSource({ records, involvements, pirs, champions, lists, projects });
  const downloads = new Downloads(config.publicBaseUrl, config.exportSigningKey, now);
  const jobs = createJobs({
    config,
    stores,
    messenger,
    digestSource,
    now,
    log,
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  const scheduler = createScheduler({ lease: stores.lease, jobs: jobs.all, log });
  registerRoutes(teams.router, {
    config,
    stores,
    roles,
    outbox: jobs.outbox,
    wakeNotices: () => scheduler.trigger(NOTICE_JOB),
    downloads,
    digestSource,
    deliverNudgeNow: jobs.deliverNudgeNow,
    deliverLifecycleNow: jobs.deliverLifecycleNow,
    now,
  });
  return {
    adapter: teams.adapter,
    routes: teams.router.policies(),
    stores,
    messenger,
    scheduler,
    jobs: jobs.all,
    downloads,
    handle: teams.handle,
  };
}

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
