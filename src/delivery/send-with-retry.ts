import { classifyFailure, type FailureClass } from './classify-failure.js';
import { type RetrySettings, retryDelay } from './retry-delay.js';
import type { SendPacer, Sleep } from './send-pacer.js';

export type SendResult<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | {
      readonly ok: false;
      readonly failure: Exclude<FailureClass, { kind: 'retry' }>;
      readonly attempts: number;
    };

export interface SendOptions {
  readonly pacer: SendPacer;
  readonly tenantId: string;
  readonly conversationKey: string;
  readonly retry: RetrySettings;
  readonly sleep: Sleep;
  /** A send that has not answered by then counts as a retryable failure. */
  readonly timeoutMs: number;
}

class SendTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Paces, sends, and retries what is worth retrying (429/412/5xx/timeouts) with backoff; classifies the rest. */
export async function sendWithRetry<T>(send: () => Promise<T>, options: SendOptions): Promise<SendResult<T>> {
  const { pacer, retry } = options;
  for (let attempt = 1; ; attempt++) {
    await pacer.acquire(options.tenantId, options.conversationKey);
    try {
      return { ok: true, value: await withTimeout(send(), options.timeoutMs), attempts: attempt };
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind !== 'retry') return { ok: false, failure, attempts: attempt };
      if (failure.statusCode === 429) pacer.throttled(failure.retryAfterMs);
      if (attempt >= retry.maxAttempts) {
        const detail = `gave up after ${attempt} attempts (${failure.detail})`;
        const statusCode = failure.statusCode;
        return {
          ok: false,
          failure: { kind: 'failed', detail, ...(statusCode !== undefined ? { statusCode } : {}) },
          attempts: attempt,
        };
      }
      await options.sleep(retryDelay(attempt, retry, failure.retryAfterMs));
    }
  }
}
