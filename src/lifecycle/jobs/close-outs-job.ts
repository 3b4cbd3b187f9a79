import { londonDateKey } from '../../calendar/london-time.js';
import type { DeliveryJob } from '../../delivery/delivery-job.js';
import type { Job } from '../../delivery/job.js';
import type { Lease } from '../../delivery/lease.js';
import type { Logger } from '../../logger.js';
import { accepting, needsPlanning } from '../domain/check-in.js';
import { readProject } from '../domain/project.js';
import { applyByReference } from '../store/apply-project-change.js';
import type { LifecycleJobDeps } from './lifecycle-job-deps.js';

export interface SweepDeps extends LifecycleJobDeps {
  readonly lease: Lease;
  readonly now: () => Date;
  readonly log: Logger;
}

/** Requests of this year and the three before are looked at; a project running longer than that is rare. */
const YEARS_BACK = 3;

/**
 * Once a day (the first run of each London day takes a day-long lease): every followed request whose check-in is not
 * planned for its end date gets it planned, with its row in the open index. That covers requests accepted before the
 * lifecycle existed (read in their old shape) and any acceptance whose plan was lost; planning twice is harmless.
 */
export async function sweepOnceADay(deps: SweepDeps, runId: string, keepGoing: () => boolean) {
  const now = deps.now();
  const today = londonDateKey(now);
  if (!(await deps.lease.tryAcquire(`close-outs-sweep-${today}`, runId, 36 * 3_600_000)))
    return { skipped: 'ran today' };
  const year = Number(today.slice(0, 4));
  let planned = 0;
  for (let y = year - YEARS_BACK; y <= year && keepGoing(); y++) {
    for (const pir of await deps.pirs.listSubmittedInYear(y)) {
      if (!keepGoing()) break;
      if (!pir.reference || !needsPlanning(pir, readProject(pir.project))) continue;
      const write = await applyByReference(deps, pir.reference, (current, project) =>
        needsPlanning(current, project) ? accepting(current, project, deps.settings) : undefined,
      );
      if (write.status === 'applied') planned++;
    }
  }
  if (planned > 0) deps.log.info({ planned }, 'close-out check-ins planned by the daily sweep');
  return { planned };
}

/** The `close-outs` job: the daily sweep, then the due check-ins, reviews and notices (in UK working hours). */
export function closeOutsJob(delivery: DeliveryJob, deps: SweepDeps): Job {
  return {
    name: delivery.job.name,
    async run(runId, keepGoing) {
      const swept = await sweepOnceADay(deps, runId, keepGoing);
      return { swept, delivered: await delivery.job.run(runId, keepGoing) };
    },
  };
}
