import { nextWorkingSlot } from '../../calendar/working-hours.js';
import { type DeliveryEngineDeps, deliverNow, type ItemResult, runDueWork } from '../../delivery/delivery-engine.js';
import type { DueWork } from '../../delivery/due-work.js';
import type { Job } from '../../delivery/job.js';
import { NUDGE_JOB } from '../domain/nudge-work.js';
import { type NudgeDeliveryDeps, nudgeDeliveryHandlers } from './nudge-delivery.js';

export interface NudgeDelivery {
  /** The `nudges` job: due nudges, follow-ups and deputy hand-offs, only inside UK working hours. */
  readonly job: Job;
  /** One nudge now, at any hour, because a person asked (`nudge me now`). */
  deliverNow(work: DueWork): Promise<ItemResult>;
}

export function createNudgeDelivery(
  engine: Omit<DeliveryEngineDeps, 'handlers'>,
  deps: NudgeDeliveryDeps,
): NudgeDelivery {
  const withHandlers: DeliveryEngineDeps = { ...engine, handlers: nudgeDeliveryHandlers(deps) };
  return {
    job: {
      name: NUDGE_JOB,
      async run(runId, keepGoing) {
        const now = engine.now();
        if (nextWorkingSlot(now, deps.settings.workingHours) > now)
          return { job: NUDGE_JOB, outsideWorkingHours: true };
        return runDueWork(NUDGE_JOB, withHandlers, runId, keepGoing);
      },
    },
    deliverNow: (work) => deliverNow(NUDGE_JOB, work, withHandlers),
  };
}
