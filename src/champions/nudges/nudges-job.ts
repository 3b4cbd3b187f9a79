import { nextWorkingSlot } from '../../calendar/working-hours.js';
import { type DeliveryEngineDeps, runDueWork } from '../../delivery/delivery-engine.js';
import type { Job } from '../../delivery/job.js';
import { NUDGE_JOB } from '../domain/nudge-work.js';
import { type NudgeDeliveryDeps, nudgeDeliveryHandlers } from './nudge-delivery.js';

/** The `nudges` job: delivers due nudges, follow-ups and deputy hand-offs, only inside UK working hours. */
export function nudgesJob(engine: Omit<DeliveryEngineDeps, 'handlers'>, deps: NudgeDeliveryDeps): Job {
  const handlers = nudgeDeliveryHandlers(deps);
  return {
    name: NUDGE_JOB,
    async run(runId, keepGoing) {
      const now = engine.now();
      if (nextWorkingSlot(now, deps.settings.workingHours) > now) return { job: NUDGE_JOB, outsideWorkingHours: true };
      return runDueWork(NUDGE_JOB, { ...engine, handlers }, runId, keepGoing);
    },
  };
}
