import type { WorkingHours } from '../calendar/working-hours.js';
import { nextWorkingSlot } from '../calendar/working-hours.js';
import { type DeliveryEngineDeps, deliverNow, type ItemResult, runDueWork } from './delivery-engine.js';
import type { DueWork } from './due-work.js';
import type { DueWorkHandler } from './due-work-handler.js';
import type { Job } from './job.js';

/** What `deliverSoon` knows when it stops waiting: the item's result, or that it is still going in the background. */
export type SoonResult = ItemResult | 'still-sending';

export interface DeliveryJob {
  /** Runs the job's due work (only inside UK working hours on working days, for jobs that keep them). */
  readonly job: Job;
  /** One item now, at any hour, because a person asked for it. */
  deliverNow(work: DueWork): Promise<ItemResult>;
  /**
   * One item now, waiting at most `waitMs` for it (a turn must answer quickly): after that it carries on in the
   * background, and whatever it cannot finish stays due for the job's next run.
   */
  deliverSoon(work: DueWork, waitMs: number): Promise<SoonResult>;
}

/** `any-hour`: notices a person's action caused (a decision, a new request) go at once, day or night. */
export type JobHours = WorkingHours | 'any-hour';

/** A job of the delivery engine: its name (also the due index bucket), its handlers, and its hours. */
export function createDeliveryJob(
  name: string,
  engine: Omit<DeliveryEngineDeps, 'handlers'>,
  handlers: readonly DueWorkHandler[],
  hours: JobHours,
): DeliveryJob {
  const deps: DeliveryEngineDeps = { ...engine, handlers };
  const now = (work: DueWork) => deliverNow(name, work, deps);
  return {
    job: {
      name,
      async run(runId, keepGoing) {
        const at = engine.now();
        if (hours !== 'any-hour' && nextWorkingSlot(at, hours) > at) return { job: name, outsideWorkingHours: true };
        return runDueWork(name, deps, runId, keepGoing);
      },
    },
    deliverNow: now,
    async deliverSoon(work, waitMs) {
      let timer: NodeJS.Timeout | undefined;
      const patience = new Promise<'still-sending'>((resolve) => {
        timer = setTimeout(() => resolve('still-sending'), waitMs);
      });
      // deliverNow never rejects (a failure is logged and the work stays due), so it may outlive the wait.
      return Promise.race([now(work), patience]).finally(() => clearTimeout(timer));
    },
  };
}
