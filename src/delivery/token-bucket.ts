/**
 * A token bucket that hands out reservations: `reserve()` takes a token now (possibly going into debt) and says how
 * many milliseconds the caller must wait before using it, so concurrent callers queue fairly at `ratePerSecond`.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly nowMs: () => number = () => Date.now(),
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('A token bucket needs a positive rate and burst.');
    this.tokens = burst;
    this.updatedAt = nowMs();
  }

  reserve(): number {
    const now = this.nowMs();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }
}
