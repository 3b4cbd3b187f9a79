import { type DocumentTable, escapeOData } from '../../storage/document-table.js';
import { encodeKey } from '../../storage/keys.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { Change, Versioned, Write, WriteOptions } from '../../storage/versioned.js';
import { writeSlot } from '../../storage/write-document.js';
import { monthOf, type RecordDoc, type RecordKind } from '../domain/record-doc.js';
import type { RecordKey, RecordStore } from './record-store.js';

export interface PendingRow {
  readonly kind: RecordKind;
  readonly month: string;
  readonly id: string;
}

/** PartitionKey `YYYY-MM~kind`: every kind of a month, and the months of a period, sit side by side. */
export const recordPartition = (kind: RecordKind, month: string) => `${month}~${kind}`;
const partition = recordPartition;
const pendingKey = (doc: Pick<RecordDoc, 'kind' | 'date' | 'id'>) => `${doc.kind}~${monthOf(doc.date)}~${doc.id}`;

/** Opens (creating when missing) the records table of one quarter, named by `quarterOfMonth` (e.g. `2026Q4`). */
export type QuarterTables = (quarter: string) => Promise<DocumentTable<RecordDoc>>;

/** `2026-11` → `2026Q4`: the records table a month's records live in. */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarters from `fromMonth` to `toMonth`, in order. */
function quartersBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  for (let [y, m] = [Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7))]; ; m += 3) {
    if (m > 12) [y, m] = [y + 1, m - 12];
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const quarter = quarterOfMonth(month);
    if (quarter > quarterOfMonth(toMonth)) return out;
    out.push(quarter);
  }
}

/**
 * Records in one table per quarter (`Records2026Q4`), PK `YYYY-MM~kind`, RK id, so a period is one range query over
 * its months' partitions in each of its quarters' tables (whatever else is stored: Azure seeks to the range, Azurite
 * scans only that quarter's table), and a quarter or a whole year can be archived or dropped at once; plus the
 * sign-off queue (PK 'pending', RK `kind~month~id`), written before a record becomes pending and removed after it is
 * signed off (a stale row is skipped when read).
 */
export class TableRecordStore implements RecordStore {
  private readonly quarters = new Map<string, Promise<DocumentTable<RecordDoc>>>();

  constructor(
    private readonly openQuarter: QuarterTables,
    private readonly pending: DocumentTable<PendingRow>,
  ) {}

  private table(month: string): Promise<DocumentTable<RecordDoc>> {
    return this.tableOf(quarterOfMonth(month));
  }

  private tableOf(quarter: string): Promise<DocumentTable<RecordDoc>> {
    let table = this.quarters.get(quarter);
    if (!table) {
      table = this.openQuarter(quarter);
      table.catch(() => this.quarters.delete(quarter));
      this.quarters.set(quarter, table);
    }
    return table;
  }

  /** A record moved to another month leaves a claimed row (revision -1) until it is removed: that is not a record. */
  async get({ kind, month, id }: RecordKey): Promise<Versioned<RecordDoc> | undefined> {
    const found = await (await this.table(month)).get(partition(kind, month), id);
    return found && found.value.revision >= 0 ? found : undefined;
  }

  async create(doc: RecordDoc): Promise<void> {
    await this.syncPendingBefore(doc);
    const month = monthOf(doc.date);
    await (await this.table(month)).create(partition(doc.kind, month), doc.id, doc);
  }

  write(key: RecordKey, change: Change<RecordDoc>, options?: WriteOptions<RecordDoc>): Promise<Write<RecordDoc>> {
    return writeSlot(
      {
        read: () => this.get(key),
        write: async (next, current) => {
          if (!current) throw new RangeError('records are created with create()');
          return this.replace(next, current);
        },
      },
      change,
      options,
    );
  }

  /** Writes `doc` over `previous` (ETag), moving it when its month changed; the new ETag. */
  private async replace(doc: RecordDoc, previous: Versioned<RecordDoc>): Promise<string> {
    await this.syncPendingBefore(doc);
    const from = monthOf(previous.value.date);
    const to = monthOf(doc.date);
    const [oldTable, newTable] = await Promise.all([this.table(from), this.table(to)]);
    let etag: string;
    if (from === to) {
      etag = await newTable.replace(partition(doc.kind, to), doc.id, doc, previous.etag);
    } else {
      // Claim the old row first (ETag), so two editors cannot both move it; then create the new one.
      await oldTable.replace(partition(doc.kind, from), doc.id, { ...previous.value, revision: -1 }, previous.etag);
      etag = await newTable.create(partition(doc.kind, to), doc.id, doc);
      await oldTable.remove(partition(doc.kind, from), doc.id);
    }
    if (doc.approval?.status !== 'pending') await this.pending.remove('pending', pendingKey(doc));
    if (from !== to) await this.pending.remove('pending', pendingKey(previous.value));
    return etag;
  }

  async listPeriod(
    fromDateKey: string,
    toDateKey: string,
    options: { kind?: RecordKind; onRead?: (n: number) => void } = {},
  ): Promise<RecordDoc[]> {
    const out: RecordDoc[] = [];
    const fromMonth = monthOf(fromDateKey);
    const toMonth = monthOf(toDateKey);
    for (const quarter of quartersBetween(fromMonth, toMonth)) {
      // '~' sorts after every kind's letters: this range is every kind of every month from `fromMonth` to `toMonth`.
      const from = escapeOData(encodeKey(`${fromMonth}~`));
      const to = escapeOData(encodeKey(`${toMonth}~~`));
      const filter = `PartitionKey ge '${from}' and PartitionKey lt '${to}'`;
      for await (const row of (await this.tableOf(quarter)).query(filter, options.onRead)) {
        const doc = row.value;
        if (doc.revision < 0 || doc.date < fromDateKey || doc.date > toDateKey) continue;
        if (!options.kind || doc.kind === options.kind) out.push(doc);
      }
    }
    return out;
  }

  async listPending(): Promise<RecordDoc[]> {
    const out: RecordDoc[] = [];
    for await (const row of this.pending.listPartition('pending')) {
      const doc = (await this.get(row.value))?.value;
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
