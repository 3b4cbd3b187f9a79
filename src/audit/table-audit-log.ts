import { randomBytes } from 'node:crypto';
import type { DocumentTable } from '../storage/document-table.js';
import type { AuditEntry, AuditLog } from './audit-entry.js';

/** PK = subject, RK = ISO time + random suffix (create-only, so nothing is ever overwritten). */
export class TableAuditLog implements AuditLog {
  constructor(private readonly table: DocumentTable<AuditEntry>) {}

  async append(subject: string, entry: AuditEntry): Promise<void> {
    await this.table.create(subject, `${entry.at}~${randomBytes(4).toString('hex')}`, entry);
  }

  async list(subject: string): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for await (const row of this.table.listPartition(subject)) out.push(row.value);
    return out;
  }
}
