/**
 * At most `limit` sends in flight per tenant. "In flight" is the window between claiming a delivery (`sending`) and
 * recording its outcome: the only state a crash leaves that is sent again after a restart, so a kill -9 re-sends at
 * most this many messages per tenant. Waiters are served first come, first served.
 */
export class InFlightLimit {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('The in-flight limit must be a whole number ≥ 1.');
  }

  /** Waits for a free slot for `key`; resolves to the function that gives it back (calling it twice is harmless). */
  async acquire(key: string): Promise<() => void> {
    const active = this.active.get(key) ?? 0;
    if (active < this.limit) this.active.set(key, active + 1);
    else await new Promise<void>((resolve) => this.queueOf(key).push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(key);
    };
  }

  /** Sends in flight for `key` right now. */
  inFlight(key: string): number {
    return this.active.get(key) ?? 0;
  }

  private queueOf(key: string): (() => void)[] {
    let queue = this.waiting.get(key);
    if (!queue) {
      queue = [];
      this.waiting.set(key, queue);
    }
    return queue;
  }

  /** Hands the slot to the next waiter (the count stays), or frees it. */
  private release(key: string): void {
    const next = this.waiting.get(key)?.shift();
    if (next) {
      next();
      return;
    }
    this.waiting.delete(key);
    const active = (this.active.get(key) ?? 1) - 1;
    if (active > 0) this.active.set(key, active);
    else this.active.delete(key);
  }
}
