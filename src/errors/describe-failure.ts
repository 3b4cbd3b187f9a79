import { ConcurrencyError, StoreUnavailableError } from '../storage/storage-errors.js';

/** The one sentence a user sees when a turn fails: plain English, no internals, with a reference for support. */
export function describeFailure(error: unknown, correlationId: string): string {
  if (error instanceof StoreUnavailableError) {
    return "I couldn't save that: nothing you entered before is lost. Please try again in a minute.";
  }
  if (error instanceof ConcurrencyError) {
    return 'Someone else changed this at the same moment, so nothing was saved. Please try again.';
  }
  return `Sorry, something went wrong on my side (reference ${correlationId}). Nothing you entered before is lost. Please try again, or contact the PPI team if it keeps happening.`;
}
