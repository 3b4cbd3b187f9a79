import type { Versioned } from '../storage/versioned.js';
import type { DeliveryRecord } from './delivery-record.js';
import type { DueWork } from './due-work.js';

/** Delivery records keyed by (kind~target, cycle). Writes are ETag-checked: a lost race is a ConcurrencyError. */
export interface DeliveryStore {
  /** The record for `work`, created as `pending` when there is none yet. */
  open(work: DueWork, now: Date): Promise<Versioned<DeliveryRecord>>;
  /** Replaces the record if it still has `etag`; returns the new ETag. */
  replace(record: DeliveryRecord, etag: string): Promise<string>;
  get(work: Pick<DueWork, 'kind' | 'targetId' | 'cycle'>): Promise<DeliveryRecord | undefined>;
}
