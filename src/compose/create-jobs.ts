import type { Messenger } from '../bot/messenger.js';
import { NUDGE_JOB } from '../champions/domain/nudge-work.js';
import { catchUpDeliveryHandler } from '../champions/jobs/catch-up-delivery.js';
import { nudgeDeliveryHandlers } from '../champions/jobs/nudge-delivery.js';
import type { Config } from '../config.js';
import { createEngine, type EngineOverrides } from '../delivery/create-engine.js';
import { dailyJob, RETENTION_JOB } from '../delivery/daily-job.js';
import type { ItemResult } from '../delivery/delivery-engine.js';
import { createDeliveryJob } from '../delivery/delivery-job.js';
import type { DueWork } from '../delivery/due-work.js';
import type { Job } from '../delivery/job.js';
import { createOutbox, NOTICE_JOB, type Outbox } from '../delivery/outbox.js';
import type { DigestSource } from '../digests/digest-source.js';
import { DIGEST_JOB } from '../digests/domain/digest-work.js';
import { digestDeliveryHandler } from '../digests/jobs/digest-delivery.js';
import { LIFECYCLE_JOB } from '../lifecycle/domain/lifecycle-work.js';
import { checkInDeliveryHandlers } from '../lifecycle/jobs/check-in-delivery.js';
import { closeOutDeliveryHandlers } from '../lifecycle/jobs/close-out-delivery.js';
import { closeOutsJob } from '../lifecycle/jobs/close-outs-job.js';
import type { Logger } from '../logger.js';
import { draftRetention } from '../pir/jobs/draft-retention-job.js';
import { pirNoticeHandlers } from '../pir/jobs/pir-notices.js';
import { REMINDERS_JOB } from '../records/domain/told-reminder.js';
import { signOffNoticeHandler } from '../records/jobs/sign-off-notice.js';
import { toldReminderHandler } from '../records/jobs/told-reminder-delivery.js';
import type { Stores } from './open-stores.js';

/** How long a job run holds its lease before it must renew it. */
export const LEASE_MS = 60_000;
/** How long a turn waits for a notice it caused to be sent (the rest is sent in the background, or by the job). */
export const NOTICE_PATIENCE_MS = 3_000;

export interface JobParts {
  readonly config: Config;
  readonly stores: Stores;
  readonly messenger: Messenger;
  readonly digestSource: DigestSource;
  readonly now: () => Date;
  readonly log: Logger;
  readonly delivery?: EngineOverrides;
}

export interface Jobs {
  readonly all: readonly Job[];
  /** One nudge now, through the delivery engine (`nudge me now`). */
  deliverNudgeNow(work: DueWork): Promise<ItemResult>;
  /** A close-out's review card or a decision notice now, through the delivery engine. */
  deliverLifecycleNow(work: DueWork): Promise<ItemResult>;
  /** The outbox of the `notices` job: messages people's actions cause. */
  readonly outbox: Outbox;
}

/**
 * The background jobs: nudges (and the champions' catch-up), digests, close-outs (check-ins, reviews, notices),
 * reminders ("told participants"), notices (what people's actions cause, at any hour), and the daily retention
 * (stale drafts, the activity ledger's old days, requests stored before the period index); one delivery engine.
 */
export function createJobs(parts: JobParts): Jobs {
  const { config, stores, now, log } = parts;
  const hours = config.nudges.workingHours;
  // Background work writes through the grouped stores: a fan-out's settles and due-row removals share transactions.
  const grouped = stores.grouped;
  const engine = createEngine(
    {
      dueIndex: grouped.dueIndex,
      deliveries: stores.deliveries,
      messenger: parts.messenger,
      now,
      log,
      tenantSendsPerSecond: config.tenantSendsPerSecond,
      sendsInFlightPerTenant: config.sendsInFlightPerTenant,
      // A claim older than two leases was left by a runner that stopped.
      staleClaimMs: 2 * LEASE_MS,
    },
    parts.delivery,
  );
  const champions = {
    champions: grouped.champions,
    dueIndex: grouped.dueIndex,
    settings: config.nudges,
    directorates: stores.lists.directorates,
  };
  const nudges = createDeliveryJob(
    NUDGE_JOB,
    engine,
    [
      ...nudgeDeliveryHandlers(champions),
      catchUpDeliveryHandler({
        ...champions,
        ppiTeam: stores.ppiTeam,
        involvements: stores.involvements,
        records: stores.records,
      }),
    ],
    hours,
  );
  const digests = createDeliveryJob(
    DIGEST_JOB,
    engine,
    [
      digestDeliveryHandler({
        subscriptions: stores.subscriptions,
        dueIndex: stores.dueIndex,
        source: parts.digestSource,
        workingHours: hours,
      }),
    ],
    hours,
  );
  const lifecycle = {
    pirs: stores.pirs,
    dueIndex: stores.dueIndex,
    projects: stores.projects,
    installations: stores.installations,
    ppiTeam: stores.ppiTeam,
    settings: config.nudges,
    directorates: stores.lists.directorates,
  };
  const closeOuts = createDeliveryJob(
    LIFECYCLE_JOB,
    engine,
    [...checkInDeliveryHandlers(lifecycle), ...closeOutDeliveryHandlers(lifecycle)],
    hours,
  );
  const reminders = createDeliveryJob(
    REMINDERS_JOB,
    engine,
    [toldReminderHandler({ records: stores.records, installations: stores.installations })],
    hours,
  );
  const notices = createDeliveryJob(
    NOTICE_JOB,
    engine,
    [
      ...pirNoticeHandlers({
        pirs: stores.pirs,
        lists: stores.lists,
        ppiTeam: stores.ppiTeam,
        installations: stores.installations,
        dueIndex: stores.dueIndex,
        log,
      }),
      signOffNoticeHandler({ records: stores.records, installations: stores.installations }),
    ],
    'any-hour',
  );
  const retention = dailyJob(RETENTION_JOB, { lease: stores.lease, now, log }, [
    draftRetention({ pirs: stores.pirs, audit: stores.audit, retentionDays: config.draftRetentionDays }),
    { name: 'activities', run: async (at, keepGoing) => ({ removed: await stores.ledger.prune(at, keepGoing) }) },
    { name: 'request period index', run: (_at, keepGoing) => stores.pirs.indexEarlierYears(keepGoing) },
  ]);
  return {
    all: [
      nudges.job,
      digests.job,
      closeOutsJob(closeOuts, { ...lifecycle, lease: stores.lease, now, log }),
      reminders.job,
      notices.job,
      retention,
    ],
    deliverNudgeNow: nudges.deliverNow,
    deliverLifecycleNow: closeOuts.deliverNow,
    outbox: createOutbox(notices, stores.dueIndex, NOTICE_PATIENCE_MS),
  };
}
