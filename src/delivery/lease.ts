/** A named lease so that one instance at a time runs a job (or a day's retention). */
export interface Lease {
  /** True when `owner` holds the lease `name` until now + ttlMs. Also renews a lease the owner already holds. */
  tryAcquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, only if `owner` still holds it. */
  release(name: string, owner: string): Promise<void>;
}
