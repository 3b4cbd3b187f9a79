import type { Messenger } from '../bot/messenger.js';
import type { Logger } from '../logger.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { Versioned } from '../storage/versioned.js';
import { type DeliveryRecord, FINAL_STATUSES, outcomeOf } from './delivery-record.js';
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
  /**
   * Settles (the feature's writes after a send, then removing the due row) a run keeps going behind its sends at
   * once; a worker waits for room above it. They are awaited before the run ends.
   */
  readonly settling: number;
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

/** `unsettled`: deliveries whose settle failed after they were recorded (logged; settled again at the next run). */
export type RunReport = { readonly job: string; readonly found: number; readonly unsettled: number } & Record<
  ItemResult,
  number
>;

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

/** One run of the engine (or one delivery asked for now): its id, whether to go on, and how deliveries are settled. */
interface Run {
  readonly runId: string;
  keepGoing(): boolean;
  /** Settles a recorded delivery, then removes its due row: behind the run's sends, or at once for `deliverNow`. */
  finish(job: string, work: DueWork, settle: () => Promise<void>): Promise<void>;
}

/** How a delivery ended this time: its record (created now or found) and what to count. */
type Ended = { readonly record: DeliveryRecord; readonly result: ItemResult };

/**
 * Settles that run behind a run's sends, so a worker goes on to its next delivery while the feature's writes (grouped
 * with other settles' into transactions) complete: at most `limit` at once, all awaited before the run ends. A settle
 * that fails is logged and counted; its due row stays, so the next run finds the delivery recorded and settles it.
 */
class BackgroundSettles {
  private readonly running = new Set<Promise<void>>();
  failed = 0;

  constructor(
    private readonly limit: number,
    private readonly log: Logger,
  ) {}

  async add(work: DueWork, settle: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const settling: Promise<void> = settle()
      .catch((error: unknown) => {
        this.failed++;
        this.log.error({ err: error, kind: work.kind, cycle: work.cycle }, 'settle failed; it stays due');
      })
      .finally(() => this.running.delete(settling));
    this.running.add(settling);
  }

  async done(): Promise<number> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    return this.failed;
  }
}

/**
 * Finds due work for `job` and delivers each item at most once: the feature plans it (reading what it needs), then,
 * to send, the engine takes one of the tenant's in-flight slots, creates the delivery record already claimed
 * (`sending`; one round trip), sends with pacing and retries, records the outcome and gives the slot back. Work that
 * is not sent is recorded final at once. A record already there (another run, a crash) is taken over only as its
 * state allows: final → settled again, claimed just now → left alone, claimed by a stopped run → sent again once.
 * The feature then settles (from its planning read when the plan carries `settle`) and the due row is removed, behind
 * the next sends. Work the feature says is not ready yet stays due. `keepGoing` is asked before every claim.
 */
export async function runDueWork(
  job: string,
  deps: DeliveryEngineDeps,
  runId: string,
  keepGoing: () => boolean,
): Promise<RunReport> {
  const due = await deps.dueIndex.listDue(job, deps.now());
  const counts = { ...EMPTY };
  const settles = new BackgroundSettles(Math.max(1, deps.settings.settling), deps.log);
  const run: Run = {
    runId,
    keepGoing,
    finish: (finishing, work, settle) =>
      settles.add(work, async () => {
        await settle();
        await deps.dueIndex.complete(finishing, work);
      }),
  };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const work = due[next++] as DueWork;
      const result = keepGoing() ? await deliverSafely(job, work, deps, run) : 'stopped';
      counts[result]++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.settings.concurrency) }, worker));
  const report = { job, found: due.length, ...counts, unsettled: await settles.done() };
  if (due.length > 0) deps.log.info(report, `delivery run for ${job} finished`);
  return report;
}

/** Delivers one piece of work now (a person asked for it), with the same once-only rules as a run, settled at once. */
export function deliverNow(job: string, work: DueWork, deps: DeliveryEngineDeps): Promise<ItemResult> {
  const run: Run = {
    runId: `now-${Date.now().toString(36)}`,
    keepGoing: () => true,
    async finish(finishing, finished, settle) {
      await settle();
      await deps.dueIndex.complete(finishing, finished);
    },
  };
  return deliverSafely(job, work, deps, run);
}

async function deliverSafely(job: string, work: DueWork, deps: DeliveryEngineDeps, run: Run): Promise<ItemResult> {
  try {
    return await deliver(job, work, deps, run);
  } catch (error) {
    deps.log.error({ err: error, kind: work.kind, cycle: work.cycle }, 'delivery failed; it stays due');
    return 'error';
  }
}

async function deliver(job: string, work: DueWork, deps: DeliveryEngineDeps, run: Run): Promise<ItemResult> {
  const handler = deps.handlers.find((h) => h.kind === work.kind);
  if (!handler) {
    deps.log.warn({ kind: work.kind }, 'due work of an unknown kind dropped');
    await deps.dueIndex.complete(job, work);
    return 'dropped';
  }
  const plan = await handler.plan(work, deps.now());
  if (plan.action === 'wait') return 'waiting';
  const ended = plan.action === 'send' ? await sendOnce(work, plan, deps, run) : await recordUnsent(work, plan, deps);
  if (ended === 'busy' || ended === 'stopped') return ended;
  const outcome = outcomeOf(ended.record);
  await run.finish(job, work, () =>
    plan.settle ? plan.settle(outcome, deps.now()) : handler.settle(work, outcome, deps.now()),
  );
  return ended.result;
}

/** A new record for `work`: claimed for a send, or already final. */
function newRecord(work: DueWork, now: Date, state: Partial<DeliveryRecord>): DeliveryRecord {
  const at = now.toISOString();
  return {
    kind: work.kind,
    targetId: work.targetId,
    cycle: work.cycle,
    status: 'pending',
    attempts: 0,
    createdAt: at,
    ...state,
  };
}

/**
 * Claim, send and record inside one of the tenant's in-flight slots: the crash window is never wider than the cap.
 * The claim is the record's creation (`sending`), or, for a record already there, an ETag-checked take-over.
 */
async function sendOnce(
  work: DueWork,
  plan: Extract<DeliveryPlan, { action: 'send' }>,
  deps: DeliveryEngineDeps,
  run: Run,
): Promise<Ended | 'busy' | 'stopped'> {
  if (!run.keepGoing()) return 'stopped';
  const release = await deps.inFlight.acquire(plan.tenantId);
  try {
    const now = deps.now();
    const claim = { status: 'sending' as const, runId: run.runId, claimedAt: now.toISOString(), attempts: 1 };
    const started = await deps.deliveries.start(newRecord(work, now, claim));
    const taken = started.created
      ? { claimed: started.record, resend: false }
      : await takeOver(started.record, deps, run);
    if (taken === 'busy' || !('claimed' in taken)) return taken;
    if (taken.resend)
      deps.log.warn({ kind: work.kind, cycle: work.cycle }, 'delivery interrupted earlier: sending again');
    const record = await sendAndRecord(taken.claimed, plan, deps);
    if (record.status === 'sent') return { record, result: taken.resend ? 'resent' : 'sent' };
    return {
      record,
      result: record.status === 'unreachable' || record.status === 'rejected' ? record.status : 'failed',
    };
  } finally {
    release();
  }
}

/** A record found where a send was to start: final (settle it again), claimed just now (busy), or taken over once. */
async function takeOver(
  found: Versioned<DeliveryRecord>,
  deps: DeliveryEngineDeps,
  run: Run,
): Promise<Ended | 'busy' | { readonly claimed: Versioned<DeliveryRecord>; readonly resend: boolean }> {
  const { value } = found;
  if (FINAL_STATUSES.has(value.status)) return { record: value, result: resultOfFinal(value.status) };
  const resend = value.status === 'sending';
  if (resend && !isStale(value, deps)) return 'busy';
  if (resend && value.resentAfterCrash) {
    const closed = await closeRecord(found, deps, 'failed', 'interrupted twice while sending; not sent again');
    return closed ? { record: closed, result: 'failed' } : 'busy';
  }
  const claimed = await claim(found, deps, run.runId, resend);
  return claimed ? { claimed, resend } : 'busy';
}

/** Work that is not sent (dropped, or cannot be): its record is created final, or one found is closed so. */
async function recordUnsent(
  work: DueWork,
  plan: Extract<DeliveryPlan, { action: 'drop' | 'skip' }>,
  deps: DeliveryEngineDeps,
): Promise<Ended | 'busy'> {
  const status = plan.action === 'drop' ? 'cancelled' : plan.status;
  const detail = plan.action === 'drop' ? plan.reason : plan.detail;
  const result = plan.action === 'drop' ? 'dropped' : plan.status;
  const now = deps.now();
  const started = await deps.deliveries.start(newRecord(work, now, { status, detail, finishedAt: now.toISOString() }));
  if (started.created) return { record: started.record.value, result };
  const { value } = started.record;
  if (FINAL_STATUSES.has(value.status)) return { record: value, result: resultOfFinal(value.status) };
  if (value.status === 'sending' && !isStale(value, deps)) return 'busy';
  const closed = await closeRecord(started.record, deps, status, detail);
  return closed ? { record: closed, result } : 'busy';
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

/** Replaces the record over exactly the version found; undefined when someone else changed it first. */
async function replaceFound(
  found: Versioned<DeliveryRecord>,
  value: DeliveryRecord,
  deps: DeliveryEngineDeps,
): Promise<Versioned<DeliveryRecord> | undefined> {
  try {
    return { value, etag: await deps.deliveries.replace(value, found.etag) };
  } catch (error) {
    if (error instanceof ConcurrencyError) return undefined;
    throw error;
  }
}

function claim(
  found: Versioned<DeliveryRecord>,
  deps: DeliveryEngineDeps,
  runId: string,
  resend: boolean,
): Promise<Versioned<DeliveryRecord> | undefined> {
  const value: DeliveryRecord = {
    ...found.value,
    status: 'sending',
    runId,
    claimedAt: deps.now().toISOString(),
    attempts: found.value.attempts + 1,
    ...(resend ? { resentAfterCrash: true } : {}),
  };
  return replaceFound(found, value, deps);
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
  found: Versioned<DeliveryRecord>,
  deps: DeliveryEngineDeps,
  status: DeliveryRecord['status'],
  detail: string,
): Promise<DeliveryRecord | undefined> {
  const record: DeliveryRecord = { ...found.value, status, detail, finishedAt: deps.now().toISOString() };
  return (await replaceFound(found, record, deps))?.value;
}
