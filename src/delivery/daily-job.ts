import { londonDateKey } from '../calendar/london-time.js';
import type { Logger } from '../logger.js';
import type { Job } from './job.js';
import type { Lease } from './lease.js';

/** The daily housekeeping job: draft requests past their retention, the activity de-duplication ledger. */
export const RETENTION_JOB = 'retention';

/** One piece of daily housekeeping; it says what it did in counts (e.g. `{ removed: 120 }`). */
export interface DailyTask {
  readonly name: string;
  run(now: Date, keepGoing: () => boolean): Promise<Readonly<Record<string, number>>>;
}

export interface DailyJobDeps {
  readonly lease: Lease;
  readonly now: () => Date;
  readonly log: Logger;
}

/**
 * Runs its tasks once a London day, whatever the number of instances and ticks (the first run of the day takes a
 * day-long lease; later ticks skip). A task that fails is logged and the others still run; the report (also logged)
 * says what each one did.
 */
export function dailyJob(name: string, deps: DailyJobDeps, tasks: readonly DailyTask[]): Job {
  return {
    name,
    async run(runId, keepGoing) {
      const now = deps.now();
      if (!(await deps.lease.tryAcquire(`${name}-${londonDateKey(now)}`, runId, 36 * 3_600_000))) {
        return { skipped: 'ran today' };
      }
      const report: Record<string, Readonly<Record<string, number>>> = {};
      for (const task of tasks) {
        if (!keepGoing()) break;
        try {
          report[task.name] = await task.run(now, keepGoing);
        } catch (error) {
          deps.log.error({ err: error, task: task.name }, `${name}: ${task.name} failed; it runs again tomorrow`);
          report[task.name] = { failed: 1 };
        }
      }
      deps.log.info(report, `${name} ran`);
      return report;
    },
  };
}
