import type { Messenger } from '../bot/messenger.js';
import type { Logger } from '../logger.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { Versioned } from '../storage/versioned.js';
import { type DeliveryOutcome, type DeliveryRecord, FINAL_STATUSES, outcomeOf } from './delivery-record.js';
import type { DeliveryStore } from './delivery-store.js';
import type { DueIndex } from './due-index.js';
import type { DueWork } from './due-work.js';
import type { DeliveryPlan, DueWorkHandler } from './due-work-handler.js';
import type { InFlightLimit } from './in-flight-limit.js';
import type { RetrySettings } from './retry-delay.js';
import type { SendPacer, Sleep } from './send-pacer.js';
import { sendWithRetry } from './send-with-retry.js';

export interface EngineSettings {
  /** Deliveries worked on at once (planning, reading, settling); the pacer still limits the rate. */
  readonly concurrency: number;
  /** A `sending` claim older than this was left by a runner that stopped. Keep it above the lease time. */
  readonly staleClaimMs: number;
  readonly sendTimeoutMs: number;
  readonly retry: RetrySettings;
}

export interface DeliveryEngineDeps {
  readonly dueIndex: DueIndex;
  readonly deliveries: DeliveryStore;
  readonly messenger: Messenger;
  readonly pacer: SendPacer;
  /** Sends in flight per tenant (claimed, not yet recorded): what a crash can make the engine send again. */
  readonly inFlight: InFlightLimit;
  readonly handlers: readonly DueWorkHandler[];
  readonly now: () => Date;
  readonly log: Logger;
  readonly sleep: Sleep;
  readonly settings: EngineSettings;
}

export type ItemResult =
  | 'sent'
  | 'resent'
  | 'already-done'
  | 'dropped'
  | 'waiting'
  | 'unreachable'
  | 'rejected'
  | 'failed'
  | 'busy'
  | 'error'
  | 'stopped';

export type RunReport = { readonly job: string; readonly found: number } & Record<ItemResult, number>;

const EMPTY: Record<ItemResult, number> = {
  sent: 0,
  resent: 0,
  'already-done': 0,
  dropped: 0,
  waiting: 0,
  unreachable: 0,
  rejected: 0,
  failed: 0,
  busy: 0,
  error: 0,
  stopped: 0,
};

/**
 * Finds due work for `job` and delivers each item at most once: open the delivery record, settle it if already
 * final, otherwise take one of the tenant's in-flight slots, claim it (pending → sending, ETag-checked), send with
 * pacing and retries, record the outcome and give the slot back, let the feature settle, then remove the due row.
 * Work the feature says is not ready yet stays due. `keepGoing` is asked before every claim (the lease is still ours).
 */
export async function runDueWork(
  job: string,
  deps: DeliveryEngineDeps,
  runId: string,
  keepGoing: () => boolean,
): Promise<RunReport> {
  const due = await deps.dueIndex.listDue(job, deps.now());
  const counts = { ...EMPTY };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const work = due[next++] as DueWork;
      const result = keepGoing() ? await deliverSafely(job, work, deps, runId, keepGoing) : 'stopped';
      counts[result]++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.settings.concurrency) }, worker));
  const report = { job, found: due.length, ...counts };
  if (due.length > 0) deps.log.info(report, `delivery run for ${job} finished`);
  return report;
}

/** Delivers one piece of work now (a person asked for it), with the same once-only rules as a run. */
export function deliverNow(job: string, work: DueWork, deps: DeliveryEngineDeps): Promise<ItemResult> {
  return deliverSafely(job, work, deps, `now-${Date.now().toString(36)}`, () => true);
}

async function deliverSafely(
  job: string,
  work: DueWork,
  deps: DeliveryEngineDeps,
  runId: string,
  keepGoing: () => boolean,
): Promise<ItemResult> {
  try {
    return await deliver(job, work, deps, runId, keepGoing);
  } catch (error) {
    deps.log.error({ err: error, kind: work.kind, cycle: work.cycle }, 'delivery failed; it stays due');
    return 'error';
  }
}

async function deliver(
  job: string,
  work: DueWork,
  deps: DeliveryEngineDeps,
  runId: string,
  keepGoing: () => boolean,
): Promise<ItemResult> {
  const handler = deps.handlers.find((h) => h.kind === work.kind);
  if (!handler) {
    deps.log.warn({ kind: work.kind }, 'due work of an unknown kind dropped');
    await deps.dueIndex.complete(job, work);
    return 'dropped';
  }
  const opened = await deps.deliveries.open(work, deps.now());
  if (FINAL_STATUSES.has(opened.value.status)) {
    await finish(job, work, handler, outcomeOf(opened.value), deps);
    return resultOfFinal(opened.value.status);
  }
  const resend = opened.value.status === 'sending';
  if (resend && !isStale(opened.value, deps)) return 'busy';
  if (resend && opened.value.resentAfterCrash) {
    const record = await closeRecord(opened, deps, 'failed', 'interrupted twice while sending; not sent again');
    await finish(job, work, handler, outcomeOf(record), deps);
    return 'failed';
  }
  const plan = await handler.plan(work, deps.now());
  if (plan.action === 'wait') return 'waiting';
  if (plan.action !== 'send') {
    const status = plan.action === 'drop' ? 'cancelled' : plan.status;
    const record = await closeRecord(opened, deps, status, plan.action === 'drop' ? plan.reason : plan.detail);
    await finish(job, work, handler, outcomeOf(record), deps);
    return plan.action === 'drop' ? 'dropped' : plan.status;
  }
  if (!keepGoing()) return 'stopped';
  const record = await sendInSlot(opened, plan, deps, runId, resend, work);
  if (!record) return 'busy';
  await finish(job, work, handler, outcomeOf(record), deps);
  if (record.status === 'sent') return resend ? 'resent' : 'sent';
  return record.status === 'unreachable' || record.status === 'rejected' ? record.status : 'failed';
}

/** Claim, send and record inside one of the tenant's in-flight slots: the crash window is never wider than the cap. */
async function sendInSlot(
  opened: Versioned<DeliveryRecord>,
  plan: Extract<DeliveryPlan, { action: 'send' }>,
  deps: DeliveryEngineDeps,
  runId: string,
  resend: boolean,
  work: DueWork,
): Promise<DeliveryRecord | undefined> {
  const release = await deps.inFlight.acquire(plan.tenantId);
  try {
    const claimed = await claim(opened, deps, runId, resend);
    if (!claimed) return undefined;
    if (resend) deps.log.warn({ kind: work.kind, cycle: work.cycle }, 'delivery interrupted earlier: sending again');
    return await sendAndRecord(claimed, plan, deps);
  } finally {
    release();
  }
}

/** A delivery found already finished: sent before ('already-done'), or how it ended. */
function resultOfFinal(status: DeliveryRecord['status']): ItemResult {
  if (status === 'sent') return 'already-done';
  if (status === 'cancelled') return 'dropped';
  return status === 'unreachable' || status === 'rejected' ? status : 'failed';
}

function isStale(record: DeliveryRecord, deps: DeliveryEngineDeps): boolean {
  const claimedAt = record.claimedAt ? Date.parse(record.claimedAt) : 0;
  return deps.now().getTime() - claimedAt >= deps.settings.staleClaimMs;
}

async function claim(
  opened: Versioned<DeliveryRecord>,
  deps: DeliveryEngineDeps,
  runId: string,
  resend: boolean,
): Promise<Versioned<DeliveryRecord> | undefined> {
  const value: DeliveryRecord = {
    ...opened.value,
    status: 'sending',
    runId,
    claimedAt: deps.now().toISOString(),
    attempts: opened.value.attempts + 1,
    ...(resend ? { resentAfterCrash: true } : {}),
  };
  try {
    return { value, etag: await deps.deliveries.replace(value, opened.etag) };
  } catch (error) {
    if (error instanceof ConcurrencyError) return undefined;
    throw error;
  }
}

async function sendAndRecord(
  claimed: Versioned<DeliveryRecord>,
  plan: Extract<DeliveryPlan, { action: 'send' }>,
  deps: DeliveryEngineDeps,
): Promise<DeliveryRecord> {
  const result = await sendWithRetry(() => plan.send(deps.messenger), {
    pacer: deps.pacer,
    tenantId: plan.tenantId,
    conversationKey: plan.conversationKey,
    retry: deps.settings.retry,
    sleep: deps.sleep,
    timeoutMs: deps.settings.sendTimeoutMs,
  });
  const base = { ...claimed.value, finishedAt: deps.now().toISOString() };
  const record: DeliveryRecord = result.ok
    ? {
        ...base,
        status: 'sent',
        conversation: result.value.conversation,
        ...(result.value.activityId ? { activityId: result.value.activityId } : {}),
      }
    : {
        ...base,
        status: result.failure.kind,
        detail: result.failure.detail,
        ...(result.failure.statusCode !== undefined ? { statusCode: result.failure.statusCode } : {}),
      };
  await deps.deliveries.replace(record, claimed.etag);
  return record;
}

async function closeRecord(
  opened: Versioned<DeliveryRecord>,
  deps: DeliveryEngineDeps,
  status: DeliveryRecord['status'],
  detail: string,
): Promise<DeliveryRecord> {
  const record: DeliveryRecord = { ...opened.value, status, detail, finishedAt: deps.now().toISOString() };
  await deps.deliveries.replace(record, opened.etag);
  return record;
}

async function finish(
  job: string,
  work: DueWork,
  handler: DueWorkHandler,
  outcome: DeliveryOutcome,
  deps: DeliveryEngineDeps,
): Promise<void> {
  await handler.settle(work, outcome, deps.now());
  await deps.dueIndex.complete(job, work);
}
