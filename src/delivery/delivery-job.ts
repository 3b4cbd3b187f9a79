import type { WorkingHours } from '../calendar/working-hours.js';
import { nextWorkingSlot } from '../calendar/working-hours.js';
import { type DeliveryEngineDeps, deliverNow, type ItemResult, runDueWork } from './delivery-engine.js';
import type { DueWork } from './due-work.js';
import type { DueWorkHandler } from './due-work-handler.js';
import type { Job } from './job.js';

export interface DeliveryJob {
  /** Runs the job's due work, only inside UK working hours on working days. */
  readonly job: Job;
  /** One item now, at any hour, because a person asked for it. */
  deliverNow(work: DueWork): Promise<ItemResult>;
}

/** A job of the delivery engine: its name (also the due index bucket), its handlers, and working hours. */
export function createDeliveryJob(
  name: string,
  engine: Omit<DeliveryEngineDeps, 'handlers'>,
  handlers: readonly DueWorkHandler[],
  hours: WorkingHours,
): DeliveryJob {
  const deps: DeliveryEngineDeps = { ...engine, handlers };
  return {
    job: {
      name,
      async run(runId, keepGoing) {
        const now = engine.now();
        if (nextWorkingSlot(now, hours) > now) return { job: name, outsideWorkingHours: true };
        return runDueWork(name, deps, runId, keepGoing);
      },
    },
    deliverNow: (work) => deliverNow(name, work, deps),
  };
}
