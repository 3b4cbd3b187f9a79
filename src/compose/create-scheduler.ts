import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job } from '../delivery/job.js';
import type { Lease } from '../delivery/lease.js';
import { Scheduler } from '../delivery/scheduler.js';
import type { Logger } from '../logger.js';
import { LEASE_MS } from './create-jobs.js';

/** The scheduler that runs the jobs under leases; this process is named host:pid:random in the leases. */
export function createScheduler(parts: { lease: Lease; jobs: readonly Job[]; log: Logger }): Scheduler {
  return new Scheduler({
    lease: parts.lease,
    jobs: parts.jobs,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: LEASE_MS,
    log: parts.log,
  });
}
