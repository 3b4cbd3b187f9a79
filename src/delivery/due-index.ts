import type { DueWork } from './due-work.js';

/**
 * Where due work is found without scanning every champion or channel: rows are bucketed by job and London due date,
 * and removed when done, so a run reads only what is outstanding (plus what falls due later today).
 */
export interface DueIndex {
  /** Adds work for `job`; adding the same work twice is harmless. */
  schedule(job: string, work: DueWork): Promise<void>;
  /** Work for `job` due at or before `now`, oldest first. `onRead` counts index rows read. */
  listDue(job: string, now: Date, onRead?: (n: number) => void): Promise<DueWork[]>;
  /** Removes finished or obsolete work. */
  complete(job: string, work: DueWork): Promise<void>;
}
