import { describe, expect, it } from 'vitest';
import { SendFailure } from '../../src/bot/messenger.js';
import { classifyFailure } from '../../src/delivery/classify-failure.js';
import { InFlightLimit } from '../../src/delivery/in-flight-limit.js';
import { checkJobSecret } from '../../src/delivery/job-secret.js';
import { DEFAULT_RETRY, retryDelay } from '../../src/delivery/retry-delay.js';
import { DEFAULT_PACER, SendPacer } from '../../src/delivery/send-pacer.js';
import { sendWithRetry } from '../../src/delivery/send-with-retry.js';
import { TokenBucket } from '../../src/delivery/token-bucket.js';

/** A fake clock whose sleep advances time, so pacing is checked without waiting. */
function fakeTime() {
  const clock = { ms: 0, slept: [] as number[] };
  return {
    clock,
    nowMs: () => clock.ms,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.ms += ms;
    },
  };
}

describe('token bucket', () => {
  it('allows a burst, then spaces reservations at the rate', () => {
    const t = fakeTime();
    const bucket = new TokenBucket(25, 25, t.nowMs);
    const waits = Array.from({ length: 30 }, () => bucket.reserve());
    expect(waits.slice(0, 25).every((w) => w === 0)).toBe(true);
    expect(waits.slice(25)).toEqual([40, 80, 120, 160, 200]);
    t.clock.ms += 1_000;
    expect(bucket.reserve()).toBe(0);
  });
});

describe('send pacer', () => {
  it('holds a tenant to its rate: 100 sends at 25/s take about 3 seconds after the first burst', async () => {
    const t = fakeTime();
    const pacer = new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: 25 }, t.nowMs, t.sleep);
    for (let i = 0; i < 100; i++) await pacer.acquire('tenant', `conv-${i}`);
    expect(t.clock.ms).toBeGreaterThanOrEqual(2_960);
    expect(t.clock.ms).toBeLessThanOrEqual(3_000);
  });

  it('allows one message per second into one conversation', async () => {
    const t = fakeTime();
    const pacer = new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: 100 }, t.nowMs, t.sleep);
    for (let i = 0; i < 4; i++) await pacer.acquire('tenant', 'same-chat');
    expect(t.clock.ms).toBe(3_000);
  });

  it('pauses every send after repeated 429s, for at least the Retry-After asked', async () => {
    const t = fakeTime();
    const pacer = new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: 100 }, t.nowMs, t.sleep);
    pacer.throttled(1_000);
    pacer.throttled(1_000);
    expect(pacer.paused).toBe(false);
    pacer.throttled(8_000);
    expect(pacer.paused).toBe(true);
    expect(pacer.pauses).toBe(1);
    await pacer.acquire('tenant', 'other-chat');
    expect(t.clock.ms).toBe(8_000);
  });

  it('does not pause for a few 429s among many sends (5%), only when throttling is widespread', async () => {
    const t = fakeTime();
    const pacer = new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: 1000 }, t.nowMs, t.sleep);
    for (let i = 0; i < 100; i++) {
      await pacer.acquire('tenant', `c${i}`);
      if (i % 20 === 0) pacer.throttled(1_000);
    }
    expect(pacer.pauses).toBe(0);
    for (let i = 0; i < 20; i++) pacer.throttled(1_000);
    expect(pacer.pauses).toBe(1);
  });

  it('does not pause for 429s spread beyond the window', () => {
    const t = fakeTime();
    const pacer = new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: 100 }, t.nowMs, t.sleep);
    for (let i = 0; i < 5; i++) {
      pacer.throttled(undefined);
      t.clock.ms += 6_000;
    }
    expect(pacer.pauses).toBe(0);
  });
});

describe('retry delay and failure classes', () => {
  it('backs off exponentially with full jitter, never under Retry-After', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, DEFAULT_RETRY, undefined, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(10, DEFAULT_RETRY, undefined, () => 1)).toBe(30_000);
    expect(retryDelay(1, DEFAULT_RETRY, undefined, () => 0)).toBe(0);
    expect(retryDelay(1, DEFAULT_RETRY, 7_000, () => 0.5)).toBe(7_000);
  });

  it.each([
    [429, 'retry'],
    [412, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [403, 'unreachable'],
    [404, 'rejected'],
    [413, 'rejected'],
    [400, 'failed'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(classifyFailure(new SendFailure(status, undefined, 'x')).kind).toBe(kind);
  });

  it('treats network errors and timeouts as worth retrying', () => {
    expect(classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind).toBe('retry');
  });
});

describe('send with retry', () => {
  const options = (t: ReturnType<typeof fakeTime>) => ({
    pacer: new SendPacer({ ...DEFAULT_PACER, tenantPerSecond: 100 }, t.nowMs, t.sleep),
    tenantId: 't',
    conversationKey: 'c',
    retry: DEFAULT_RETRY,
    sleep: t.sleep,
    timeoutMs: 1_000,
  });

  it('waits the Retry-After of a 429 and succeeds', async () => {
    const t = fakeTime();
    const answers = [new SendFailure(429, 2_000, '429')];
    const result = await sendWithRetry(async () => {
      const next = answers.shift();
      if (next) throw next;
      return 'sent';
    }, options(t));
    expect(result).toEqual({ ok: true, value: 'sent', attempts: 2 });
    expect(t.clock.slept).toContain(2_000);
  });

  it('does not retry 403, and gives up on endless 503 after the attempt limit', async () => {
    const t = fakeTime();
    let calls = 0;
    const refused = await sendWithRetry(async () => {
      calls++;
      throw new SendFailure(403, undefined, 'no');
    }, options(t));
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'unreachable', statusCode: 403 }, attempts: 1 });
    expect(calls).toBe(1);
    const down = await sendWithRetry(async () => {
      throw new SendFailure(503, undefined, 'down');
    }, options(t));
    expect(down).toMatchObject({ ok: false, failure: { kind: 'failed', statusCode: 503 }, attempts: 5 });
  });

  it('counts a send with no answer as a timeout, and retries it', async () => {
    const t = fakeTime();
    let calls = 0;
    const result = await sendWithRetry(
      () => {
        calls++;
        return calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve('late but fine');
      },
      { ...options(t), timeoutMs: 20 },
    );
    expect(result).toMatchObject({ ok: true, attempts: 2 });
  });
});

describe('job secret', () => {
  it('is disabled without JOBS_SECRET, refuses wrong or missing secrets, accepts the right one', () => {
    const secret = 'a-very-long-secret-of-30-chars!';
    expect(checkJobSecret(undefined, secret)).toBe('disabled');
    expect(checkJobSecret(secret, undefined)).toBe('refused');
    expect(checkJobSecret(secret, 'short')).toBe('refused');
    expect(checkJobSecret(secret, `${secret}x`)).toBe('refused');
    expect(checkJobSecret(secret, secret)).toBe('ok');
  });
});

describe('in-flight limit', () => {
  it('lets `limit` holders per key in at once, the rest first come first served, keys apart', async () => {
    const limit = new InFlightLimit(2);
    const order: string[] = [];
    const a1 = await limit.acquire('a');
    const a2 = await limit.acquire('a');
    const b1 = await limit.acquire('b');
    const waiting = [
      limit.acquire('a').then((r) => {
        order.push('a3');
        return r;
      }),
      limit.acquire('a').then((r) => {
        order.push('a4');
        return r;
      }),
    ];
    await Promise.resolve();
    expect([limit.inFlight('a'), limit.inFlight('b'), order]).toEqual([2, 1, []]);
    a1();
    a1();
    const a3 = await waiting[0];
    expect(order).toEqual(['a3']);
    expect(limit.inFlight('a')).toBe(2);
    a2();
    const a4 = await waiting[1];
    a3?.();
    a4?.();
    b1();
    expect([limit.inFlight('a'), limit.inFlight('b'), order]).toEqual([0, 0, ['a3', 'a4']]);
    expect(() => new InFlightLimit(0)).toThrow(RangeError);
  });
});
