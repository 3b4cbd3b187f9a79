/** A request followed after acceptance, as the index finds it (point-read the request itself for its state). */
export interface ProjectIndexRow {
  readonly reference: string;
  readonly leadId: string;
  readonly pirId: string;
  /** Closed rows: when, and how it ended. */
  readonly closedAt?: string;
  readonly outcome?: 'closed' | 'stopped';
}

/**
 * The accepted requests still followed ('open', a small partition) and those that ended, by London month (so the
 * PPI team's list and a quarter's report read only what they need). Rows are written before the request changes, so
 * one can be stale: readers check the request itself.
 */
export interface ProjectIndex {
  markOpen(row: ProjectIndexRow): Promise<void>;
  /** Moves the row from 'open' to its month of `closedAt`. */
  markEnded(
    row: ProjectIndexRow & { readonly closedAt: string; readonly outcome: 'closed' | 'stopped' },
  ): Promise<void>;
  listOpen(): Promise<ProjectIndexRow[]>;
  /** Rows that ended in the London months `fromMonth` to `toMonth` (YYYY-MM, inclusive). */
  listEnded(fromMonth: string, toMonth: string): Promise<ProjectIndexRow[]>;
  /** Removes an open row that no longer matches a followed request. */
  removeOpen(reference: string): Promise<void>;
}
