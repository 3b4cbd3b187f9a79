/** Raised when a write lost an optimistic-concurrency race (stale ETag, or create on an existing key). */
export class ConcurrencyError extends Error {
  readonly code = 'concurrency_conflict';
}

/** Raised when the store cannot be reached; callers tell the user nothing was lost and to try again. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
}

/** HTTP status of an Azure SDK RestError (single operations leave `code` undefined), or undefined. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isNetworkError(cause);
}

/** Maps SDK failures onto our two coded errors; anything else is rethrown as is. */
export function translateStoreError(error: unknown): never {
  const status = statusOf(error);
  if (status === 409 || status === 412) throw new ConcurrencyError('The record was changed by someone else.');
  if (isNetworkError(error) || status === 503 || status === 500) {
    throw new StoreUnavailableError('The store could not be reached.', { cause: error });
  }
  throw error;
}
