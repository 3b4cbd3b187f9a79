/** A named background job the scheduler runs under a lease, at most one runner at a time across instances. */
export interface Job {
  readonly name: string;
  /** Runs once. `keepGoing` turns false when the lease is lost or the process is stopping. */
  run(runId: string, keepGoing: () => boolean): Promise<unknown>;
}
