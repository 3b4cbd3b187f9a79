import { randomBytes } from 'node:crypto';
import type { DocumentTable } from '../storage/document-table.js';
import type { AuditEntry, AuditLog } from './audit-log.js';

/** PK = subject, RK = ISO time + this process's sequence + random suffix (create-only, so nothing is ever overwritten). */
export class TableAuditLog implements AuditLog {
  private sequence = 0;

  constructor(private readonly table: DocumentTable<AuditEntry>) {}

  async append(subject: string, entry: AuditEntry): Promise<void> {
    await this.table.create(
      subject,
      `${entry.at}~${String(this.sequence++ % 1e6).padStart(6, '0')}~${randomBytes(4).toString('hex')}`,
      entry,
    );
  }

  async list(subject: string): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for await (const row of this.table.listPartition(subject)) out.push(row.value);
    return out;
  }
}
