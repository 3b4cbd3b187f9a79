import type { Versioned } from '../storage/versioned.js';
import type { DeliveryRecord } from './delivery-record.js';
import type { DueWork } from './due-work.js';

/** What `start` found: the record it created, or the one already there (another run, or before a crash). */
export type Started =
  | { readonly created: true; readonly record: Versioned<DeliveryRecord> }
  | { readonly created: false; readonly record: Versioned<DeliveryRecord> };

/** Delivery records keyed by (kind~target, cycle). Writes are ETag-checked: a lost race is a ConcurrencyError. */
export interface DeliveryStore {
  /**
   * Creates the record as given (claimed `sending` just before a send, or already final when nothing is sent): one
   * round trip for a delivery seen for the first time. When one exists, it is returned instead, unchanged.
   */
  start(record: DeliveryRecord): Promise<Started>;
  /** Replaces the record if it still has `etag`; returns the new ETag. */
  replace(record: DeliveryRecord, etag: string): Promise<string>;
  get(work: Pick<DueWork, 'kind' | 'targetId' | 'cycle'>): Promise<DeliveryRecord | undefined>;
}
