import { SendFailure } from '../bot/messenger.js';

export type FailureClass =
  | { readonly kind: 'retry'; readonly statusCode?: number; readonly retryAfterMs?: number; readonly detail: string }
  | { readonly kind: 'unreachable' | 'rejected' | 'failed'; readonly statusCode?: number; readonly detail: string };

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

/**
 * What to do about a failed send. 429, 412 and 5xx are worth retrying; 403 means the bot cannot reach this person
 * (not in the roster, blocked, uninstalled); 404 and 413 mean the message or conversation is wrong: not retried.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (!(error instanceof SendFailure)) {
    return { kind: 'retry', detail: error instanceof Error ? error.message : 'network error' };
  }
  const { statusCode, retryAfterMs } = error;
  const detail = `HTTP ${statusCode ?? '?'}`;
  if (statusCode === undefined) return { kind: 'retry', detail: error.message };
  if (RETRYABLE.has(statusCode)) {
    return { kind: 'retry', statusCode, detail, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (statusCode === 403) return { kind: 'unreachable', statusCode, detail: 'the bot cannot message this person' };
  if (statusCode === 404 || statusCode === 413) return { kind: 'rejected', statusCode, detail };
  return { kind: 'failed', statusCode, detail };
}
