import type { DocumentTable } from '../storage/document-table.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { Lease } from './lease.js';

export interface LeaseRow {
  readonly owner: string;
  readonly expiresAt: string;
}

const PARTITION = 'lease';

/**
 * A lease in Table Storage. Taken by create (no row yet) or by an ETag-checked replace of an expired row or one the
 * caller already owns; a lost race is simply "not acquired".
 */
export class TableLease implements Lease {
  constructor(
    private readonly table: DocumentTable<LeaseRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async tryAcquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const row: LeaseRow = { owner, expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
    try {
      const current = await this.table.get(PARTITION, name);
      if (!current) {
        await this.table.create(PARTITION, name, row);
        return true;
      }
      const free = current.value.owner === owner || new Date(current.value.expiresAt) <= now;
      if (!free) return false;
      await this.table.replace(PARTITION, name, row, current.etag);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  async release(name: string, owner: string): Promise<void> {
    const current = await this.table.get(PARTITION, name);
    if (current?.value.owner !== owner) return;
    try {
      await this.table.replace(PARTITION, name, { owner, expiresAt: new Date(0).toISOString() }, current.etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}
