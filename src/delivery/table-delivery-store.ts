import type { DocumentTable } from '../storage/document-table.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { Versioned } from '../storage/versioned.js';
import type { DeliveryRecord } from './delivery-record.js';
import type { DeliveryStore } from './delivery-store.js';
import type { DueWork } from './due-work.js';

type Key = Pick<DueWork, 'kind' | 'targetId' | 'cycle'>;
const pk = (k: Key) => `${k.kind}~${k.targetId}`;

export class TableDeliveryStore implements DeliveryStore {
  constructor(private readonly table: DocumentTable<DeliveryRecord>) {}

  async open(work: DueWork, now: Date): Promise<Versioned<DeliveryRecord>> {
    // Create first: almost every record opened is new, so this is one round trip; an existing one is then read.
    const record: DeliveryRecord = {
      kind: work.kind,
      targetId: work.targetId,
      cycle: work.cycle,
      status: 'pending',
      attempts: 0,
      createdAt: now.toISOString(),
    };
    try {
      return { value: record, etag: await this.table.create(pk(work), work.cycle, record) };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const raced = await this.table.get(pk(work), work.cycle);
      if (!raced) throw error;
      return raced;
    }
  }

  replace(record: DeliveryRecord, etag: string): Promise<string> {
    return this.table.replace(pk(record), record.cycle, record, etag);
  }

  async get(key: Key): Promise<DeliveryRecord | undefined> {
    return (await this.table.get(pk(key), key.cycle))?.value;
  }
}
