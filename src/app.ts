import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { TurnContext } from 'botbuilder';
import type { Messenger } from './bot/messenger.js';
import type { RoutePolicy } from './bot/router.js';
import { buildNoticeCard } from './cards/notice-card.js';
import { NUDGE_JOB } from './champions/domain/nudge-work.js';
import { catchUpDeliveryHandler } from './champions/nudges/catch-up-delivery.js';
import { nudgeDeliveryHandlers } from './champions/nudges/nudge-delivery.js';
import { registerChampions } from './champions/register-champions.js';
import type { Config } from './config.js';
import { createEngine, type EngineOverrides } from './delivery/create-engine.js';
import { createDeliveryJob } from './delivery/delivery-job.js';
import type { Job } from './delivery/job.js';
import { Scheduler } from './delivery/scheduler.js';
import { digestDeliveryHandler } from './digests/digest-delivery.js';
import { DIGEST_JOB } from './digests/domain/digest-work.js';
import { registerDigests } from './digests/register-digests.js';
import { registerDirectorates } from './directorates/register-directorates.js';
import { describeFailure } from './errors/describe-failure.js';
import { Downloads } from './exports/downloads.js';
import { registerFallback } from './fallback/register-fallback.js';
import { HelpTopics } from './help/help-topics.js';
import { registerHelp } from './help/register-help.js';
import { registerInstallations } from './installations/register-installations.js';
import type { Logger } from './logger.js';
import { myRequestsButton } from './pir/handlers/lead-actions.js';
import { registerPir, startRequestButton } from './pir/register-pir.js';
import { draftRetentionJob } from './pir/retention/draft-retention-job.js';
import { PpiRoles } from './ppi-team/ppi-roles.js';
import { registerPpiTeam } from './ppi-team/register-ppi-team.js';
import { registerRecords } from './records/register-records.js';
import { periodDigestSource } from './reports/handlers/period-digest-source.js';
import { registerReports } from './reports/register-reports.js';
import type { TableAccess } from './storage/table-access.js';
import { openStores, type Stores } from './stores.js';
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

/** How long a job run holds its lease before it must renew it. */
const LEASE_MS = 60_000;

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
  /** Handles one incoming activity: guards, then the Application's routes. */
  handle(context: TurnContext): Promise<void>;
}

/** Composition root: config → stores → Application → register<Feature> → fallback last. No logic here. */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { config, log } = options;
  const now = options.now ?? (() => new Date());
  const stores = await openStores(options.tables, config.tablePrefix, now);
  const roles = new PpiRoles(config.ppiAdminIds, stores.ppiTeam);
  const teams = createTeamsBot({
    credentials: config.credentials,
    allowedTenantIds: config.allowedTenantIds,
    ledger: stores.ledger,
    roles,
    ...(options.authentication ? { authentication: options.authentication } : {}),
    log,
    failures: { describe: describeFailure, card: (text) => buildNoticeCard({ text }) },
    ...(options.messenger ? { messenger: options.messenger } : {}),
    ...(options.lookupMember ? { lookupMember: options.lookupMember } : {}),
  });
  const { router, messenger } = teams;
  const topics = new HelpTopics();
  const downloads = new Downloads(config.publicBaseUrl, config.exportSigningKey, now);
  const quickActions = [startRequestButton, myRequestsButton];

  registerInstallations(router, { installations: stores.installations, now, welcomeActions: quickActions });
  registerHelp(router, { topics, quickActions });
  registerPir(router, { ...stores, messenger, now, newId: () => randomUUID(), topics });
  registerPpiTeam(router, { store: stores.ppiTeam, audit: stores.audit, now, topics });
  const engine = createEngine(
    {
      dueIndex: stores.dueIndex,
      deliveries: stores.deliveries,
      messenger,
      now,
      log,
      tenantSendsPerSecond: config.tenantSendsPerSecond,
      staleClaimMs: 2 * LEASE_MS,
    },
    options.delivery,
  );
  const nudges = createDeliveryJob(
    NUDGE_JOB,
    engine,
    [
      ...nudgeDeliveryHandlers({ champions: stores.champions, dueIndex: stores.dueIndex, settings: config.nudges }),
      catchUpDeliveryHandler({ ...stores, settings: config.nudges }),
    ],
    config.nudges.workingHours,
  );
  registerChampions(router, {
    champions: stores.champions,
    dueIndex: stores.dueIndex,
    directorates: stores.directorates,
    involvements: stores.involvements,
    ppiTeam: stores.ppiTeam,
    audit: stores.audit,
    now,
    settings: config.nudges,
    topics,
    deliverNudgeNow: nudges.deliverNow,
  });
  registerRecords(router, { ...stores, now, newId: () => randomUUID(), topics });
  const digestSource = periodDigestSource(stores);
  registerDigests(router, {
    ...stores,
    source: digestSource,
    now,
    workingHours: config.nudges.workingHours,
    topics,
  });
  registerReports(router, { sources: stores, roles, downloads, topics, numbering: config.reportQuarters, now });
  registerDirectorates(router, { directorates: stores.directorates, now, topics });
  registerFallback(router);

  const digests = createDeliveryJob(
    DIGEST_JOB,
    engine,
    [digestDeliveryHandler({ ...stores, source: digestSource, workingHours: config.nudges.workingHours })],
    config.nudges.workingHours,
  );
  const jobs: Job[] = [
    nudges.job,
    digests.job,
    draftRetentionJob({ ...stores, now, log, retentionDays: config.draftRetentionDays }),
  ];

  const scheduler = new Scheduler({
    lease: stores.lease,
    jobs,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: LEASE_MS,
    log,
  });

  return {
    adapter: teams.adapter,
    routes: router.policies(),
    stores,
    messenger,
    scheduler,
    jobs,
    downloads,
    handle: (context) => teams.handle(context),
  };
}
