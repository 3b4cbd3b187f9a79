import type { DocumentTable } from '../storage/document-table.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { DeliveryRecord } from './delivery-record.js';
import type { DeliveryStore, Started } from './delivery-store.js';
import type { DueWork } from './due-work.js';

type Key = Pick<DueWork, 'kind' | 'targetId' | 'cycle'>;
const pk = (k: Key) => `${k.kind}~${k.targetId}`;

export class TableDeliveryStore implements DeliveryStore {
  constructor(private readonly table: DocumentTable<DeliveryRecord>) {}

  async start(record: DeliveryRecord): Promise<Started> {
    // Create first: almost every delivery is new, so this is one round trip; an existing record is then read.
    try {
      return {
        created: true,
        record: { value: record, etag: await this.table.create(pk(record), record.cycle, record) },
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const there = await this.table.get(pk(record), record.cycle);
      if (!there) throw error;
      return { created: false, record: there };
    }
  }

  replace(record: DeliveryRecord, etag: string): Promise<string> {
    return this.table.replace(pk(record), record.cycle, record, etag);
  }

  async get(key: Key): Promise<DeliveryRecord | undefined> {
    return (await this.table.get(pk(key), key.cycle))?.value;
  }
}
