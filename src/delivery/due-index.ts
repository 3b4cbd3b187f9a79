import type { DueWork } from './due-work.js';

/** Due work as the index found it, with the row it was found in (rows written under older keys included). */
export interface FoundWork extends DueWork {
  readonly foundAt: { readonly pk: string; readonly rk: string };
}

/**
 * Where due work is found without scanning every champion or channel: rows are bucketed by job and London due date,
 * and removed when done, so a run reads only what is outstanding (plus what falls due later today).
 */
export interface DueIndex {
  /** Adds work for `job`; adding the same work twice is harmless. */
  schedule(job: string, work: DueWork): Promise<void>;
  /** Work for `job` due at or before `now`, oldest first. `onRead` counts index rows read. */
  listDue(job: string, now: Date, onRead?: (n: number) => void): Promise<FoundWork[]>;
  /** Removes finished or obsolete work: where it was found, or (work not listed) where it is scheduled. */
  complete(job: string, work: DueWork | FoundWork): Promise<void>;
}
