import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Job } from './job.js';
import type { Lease } from './lease.js';

export interface SchedulerDeps {
  readonly lease: Lease;
  readonly jobs: readonly Job[];
  /** This instance's name in leases (host + pid + random). */
  readonly owner: string;
  readonly leaseMs: number;
  readonly log: Logger;
}

export type TriggerResult = 'started' | 'unknown-job';

/**
 * Runs every job on a timer (and on demand) under a Table Storage lease per job, renewed while it runs, so that only
 * one instance runs a job at a time. A run that loses its lease stops before its next claim.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(private readonly deps: SchedulerDeps) {}

  start(tickMs: number): void {
    this.timer = setInterval(() => {
      for (const job of this.deps.jobs) void this.runOnce(job.name);
    }, tickMs);
    this.timer.unref();
  }

  /** Starts `name` in the background (a job endpoint answers at once). */
  trigger(name: string): TriggerResult {
    if (!this.deps.jobs.some((j) => j.name === name)) return 'unknown-job';
    void this.runOnce(name);
    return 'started';
  }

  /** Runs `name` now if no run of it is in progress here and the lease is free; resolves when it ends. */
  runOnce(name: string): Promise<void> {
    const job = this.deps.jobs.find((j) => j.name === name);
    if (!job || this.stopping) return Promise.resolve();
    const current = this.running.get(name);
    if (current) return current;
    const run = this.runUnderLease(job).finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  /** Stops the timer, lets running jobs stop at their next item, and gives their leases up. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.running.values()]);
  }

  private async runUnderLease(job: Job): Promise<void> {
    const { lease, owner, leaseMs, log } = this.deps;
    const leaseName = `job-${job.name}`;
    try {
      if (!(await lease.tryAcquire(leaseName, owner, leaseMs))) return;
    } catch (error) {
      log.warn({ err: error, job: job.name }, 'could not take the job lease; will try at the next tick');
      return;
    }
    let held = true;
    const renewal = setInterval(() => {
      lease.tryAcquire(leaseName, owner, leaseMs).then(
        (ok) => {
          if (!ok) held = false;
        },
        () => {
          held = false;
        },
      );
    }, leaseMs / 3);
    try {
      await job.run(randomUUID(), () => held && !this.stopping);
    } catch (error) {
      log.error({ err: error, job: job.name }, 'job run failed');
    } finally {
      clearInterval(renewal);
      await lease.release(leaseName, owner).catch(() => undefined);
    }
  }
}
