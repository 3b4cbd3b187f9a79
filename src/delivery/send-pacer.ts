import { TokenBucket } from './token-bucket.js';

export interface PacerSettings {
  /** Messages per second per tenant (Teams allows bursts above this; we stay under it). */
  readonly tenantPerSecond: number;
  /** Messages per second into one conversation. */
  readonly conversationPerSecond: number;
  /** This many 429s within `throttleWindowMs`, being at least `throttleShare` of the sends, pause all sending. */
  readonly throttlesBeforePause: number;
  readonly throttleShare: number;
  readonly throttleWindowMs: number;
  /** Minimum length of a pause after repeated 429s. */
  readonly pauseMs: number;
}

export const DEFAULT_PACER: Omit<PacerSettings, 'tenantPerSecond'> = {
  conversationPerSecond: 1,
  throttlesBeforePause: 3,
  throttleShare: 0.1,
  throttleWindowMs: 10_000,
  pauseMs: 5_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Paces proactive sends: one token bucket per tenant and one per conversation, plus a brake that pauses every send
 * for a while after repeated 429s (Teams is telling us the whole bot is over its limit).
 */
export class SendPacer {
  private readonly tenants = new Map<string, TokenBucket>();
  private readonly conversations = new Map<string, TokenBucket>();
  private throttles: number[] = [];
  private sends: number[] = [];
  private pausedUntil = 0;
  pauses = 0;

  constructor(
    readonly settings: PacerSettings,
    private readonly nowMs: () => number = () => Date.now(),
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Waits until a message may go to `conversationKey` in `tenantId`. */
  async acquire(tenantId: string, conversationKey: string): Promise<void> {
    await this.waitOutPause();
    await this.take(this.conversations, conversationKey, this.settings.conversationPerSecond, 1);
    await this.take(this.tenants, tenantId, this.settings.tenantPerSecond, this.settings.tenantPerSecond);
    await this.waitOutPause();
    const now = this.nowMs();
    this.sends.push(now);
    if (this.sends.length > 4096) this.sends = this.sends.filter((t) => now - t < this.settings.throttleWindowMs);
  }

  /** Tells the pacer Teams answered 429; after enough of them in a short window everything pauses. */
  throttled(retryAfterMs: number | undefined): void {
    const now = this.nowMs();
    const recent = (t: number) => now - t < this.settings.throttleWindowMs;
    this.throttles = [...this.throttles.filter(recent), now];
    this.sends = this.sends.filter(recent);
    const share = this.throttles.length / Math.max(1, this.sends.length);
    if (this.throttles.length >= this.settings.throttlesBeforePause && share >= this.settings.throttleShare) {
      const until = now + Math.max(this.settings.pauseMs, retryAfterMs ?? 0);
      if (until > this.pausedUntil) {
        this.pausedUntil = until;
        this.pauses++;
      }
      this.throttles = [];
    }
  }

  get paused(): boolean {
    return this.nowMs() < this.pausedUntil;
  }

  private async waitOutPause(): Promise<void> {
    for (let wait = this.pausedUntil - this.nowMs(); wait > 0; wait = this.pausedUntil - this.nowMs()) {
      await this.sleep(wait);
    }
  }

  private async take(buckets: Map<string, TokenBucket>, key: string, rate: number, burst: number): Promise<void> {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate, Math.max(1, burst), this.nowMs);
      buckets.set(key, bucket);
    }
    const wait = bucket.reserve();
    if (wait > 0) await this.sleep(wait);
  }
}
