import { monthsBetween } from '../../champions/store/table-involvement-log.js';
import type { DocumentTable, Versioned } from '../../storage/document-table.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { monthOf, type RecordDoc, type RecordKind } from '../domain/record-doc.js';
import type { RecordStore } from './record-store.js';

export interface PendingRow {
  readonly kind: RecordKind;
  readonly month: string;
  readonly id: string;
}

const partition = (kind: RecordKind, month: string) => `${kind}~${month}`;
const pendingKey = (doc: Pick<RecordDoc, 'kind' | 'date' | 'id'>) => `${doc.kind}~${monthOf(doc.date)}~${doc.id}`;

/** Opens (creating when missing) the records table of one year. */
export type YearTables = (year: string) => Promise<DocumentTable<RecordDoc>>;

/**
 * Records in one table per year (`Records2026`), PK `kind~YYYY-MM`, RK id, so a period touches only its year's table
 * and its months' partitions, and a whole year can be archived or dropped at once; plus the sign-off queue (PK
 * 'pending', RK `kind~month~id`), written before a record becomes pending and removed after it is signed off (a
 * stale row is skipped when read).
 */
export class TableRecordStore implements RecordStore {
  private readonly years = new Map<string, Promise<DocumentTable<RecordDoc>>>();

  constructor(
    private readonly openYear: YearTables,
    private readonly pending: DocumentTable<PendingRow>,
  ) {}

  private table(month: string): Promise<DocumentTable<RecordDoc>> {
    const year = month.slice(0, 4);
    let table = this.years.get(year);
    if (!table) {
      table = this.openYear(year);
      table.catch(() => this.years.delete(year));
      this.years.set(year, table);
    }
    return table;
  }

  async get(kind: RecordKind, month: string, id: string): Promise<Versioned<RecordDoc> | undefined> {
    return (await this.table(month)).get(partition(kind, month), id);
  }

  async create(doc: RecordDoc): Promise<void> {
    await this.syncPendingBefore(doc);
    const month = monthOf(doc.date);
    await (await this.table(month)).create(partition(doc.kind, month), doc.id, doc);
  }

  async replace(doc: RecordDoc, previous: Versioned<RecordDoc>): Promise<void> {
    await this.syncPendingBefore(doc);
    const from = monthOf(previous.value.date);
    const to = monthOf(doc.date);
    const [oldTable, newTable] = await Promise.all([this.table(from), this.table(to)]);
    if (from === to) {
      await newTable.replace(partition(doc.kind, to), doc.id, doc, previous.etag);
    } else {
      // Claim the old row first (ETag), so two editors cannot both move it; then create the new one.
      await oldTable.replace(partition(doc.kind, from), doc.id, { ...previous.value, revision: -1 }, previous.etag);
      await newTable.create(partition(doc.kind, to), doc.id, doc);
      await oldTable.remove(partition(doc.kind, from), doc.id);
    }
    if (doc.approval?.status !== 'pending') await this.pending.remove('pending', pendingKey(doc));
    if (from !== to) await this.pending.remove('pending', pendingKey(previous.value));
  }

  async listPeriod(kind: RecordKind, fromDateKey: string, toDateKey: string, onRead?: (n: number) => void) {
    const out: RecordDoc[] = [];
    for (const month of monthsBetween(fromDateKey, toDateKey)) {
      for await (const row of (await this.table(month)).listPartition(partition(kind, month), {}, onRead)) {
        const doc = row.value;
        if (doc.revision >= 0 && doc.date >= fromDateKey && doc.date <= toDateKey) out.push(doc);
      }
    }
    return out;
  }

  async listPending(): Promise<RecordDoc[]> {
    const out: RecordDoc[] = [];
    for await (const row of this.pending.listPartition('pending')) {
      const doc = (await this.get(row.value.kind, row.value.month, row.value.id))?.value;
      if (doc?.approval?.status === 'pending') out.push(doc);
    }
    return out;
  }

  private async syncPendingBefore(doc: RecordDoc): Promise<void> {
    if (doc.approval?.status !== 'pending') return;
    try {
      await this.pending.create('pending', pendingKey(doc), { kind: doc.kind, month: monthOf(doc.date), id: doc.id });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}
