import { quarterOfMonth, quartersBetween } from '../../calendar/month-quarters.js';
import { type DocumentTable, escapeOData } from '../../storage/document-table.js';
import { encodeKey } from '../../storage/keys.js';
import { lazyTables } from '../../storage/lazy-tables.js';
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

/** A record found in two months: the copy a move left when it was interrupted between its two writes. */
export interface DuplicateRecord {
  readonly id: string;
  readonly kind: RecordKind;
  readonly months: readonly string[];
}

/** A is the later version: a higher revision, or the moved copy of the same revision. */
function newer(a: RecordDoc, b: RecordDoc): boolean {
  return a.revision > b.revision || (a.revision === b.revision && a.movedFrom !== undefined && !b.movedFrom);
}

/** An interrupted move's copy may be finished by a move of the same version; a live one is given this long. */
const LEFTOVER_AFTER_MS = 60_000;

const withoutTimes = ({ updatedAt: _u, ...rest }: RecordDoc) => JSON.stringify(rest);

/** The same edit as `doc` (only its time differs): saving it again finishes the move. */
function sameEdit(there: RecordDoc, doc: RecordDoc): boolean {
  return withoutTimes(there) === withoutTimes(doc);
}

/** A copy left by a move of the very version `doc` is moved from: the same edit, or one abandoned long enough ago. */
function isLeftoverOf(there: RecordDoc, doc: RecordDoc): boolean {
  const sameSource =
    there.movedFrom?.month === doc.movedFrom?.month && there.movedFrom?.revision === doc.movedFrom?.revision;
  const age = Date.parse(doc.updatedAt) - Date.parse(there.updatedAt);
  return sameSource && (sameEdit(there, doc) || age > LEFTOVER_AFTER_MS);
}

/** Opens (creating when missing) the records table of one quarter, named by `quarterOfMonth` (e.g. `2026Q4`). */
export type QuarterTables = (quarter: string) => Promise<DocumentTable<RecordDoc>>;

/** `2026-11` → `2026Q4`: the records table a month's records live in. */
export { quarterOfMonth };

/**
 * Records in one table per quarter (`Records2026Q4`), PK `YYYY-MM~kind`, RK id, so a period is one range query over
 * its months' partitions in each of its quarters' tables (whatever else is stored: Azure seeks to the range, Azurite
 * scans only that quarter's table), and a quarter or a whole year can be archived or dropped at once; plus the
 * sign-off queue (PK 'pending', RK `kind~month~id`), written before a record becomes pending and removed after it is
 * signed off (a stale row is skipped when read). A record whose date moves to another month is created there before
 * it is deleted where it was (`move`).
 */
export class TableRecordStore implements RecordStore {
  private readonly tableOf: QuarterTables;

  constructor(
    openQuarter: QuarterTables,
    private readonly pending: DocumentTable<PendingRow>,
    /** Told about a record found in two months (a move interrupted between its two writes). */
    private readonly onDuplicate: (duplicate: DuplicateRecord) => void = () => undefined,
  ) {
    this.tableOf = lazyTables(openQuarter);
  }

  private table(month: string): Promise<DocumentTable<RecordDoc>> {
    return this.tableOf(quarterOfMonth(month));
  }

  /** Rows older versions left while moving a record (revision -1) are not records. */
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
    const etag =
      from === to
        ? await (await this.table(to)).replace(partition(doc.kind, to), doc.id, doc, previous.etag)
        : await this.move({ ...doc, movedFrom: { month: from, revision: previous.value.revision } }, previous);
    // The record is saved: the sign-off queue is only tidied (a row left behind is skipped when read).
    if (doc.approval?.status !== 'pending') await this.tidyPending(pendingKey(doc));
    if (from !== to) await this.tidyPending(pendingKey(previous.value));
    return etag;
  }

  private async tidyPending(key: string): Promise<void> {
    await this.pending.remove('pending', key).catch(() => undefined);
  }

  /**
   * A move to another month never leaves nothing: the new row is created first, then the old one is deleted only if
   * it is still the version read (ETag). A failure in between leaves two copies, which reads detect and report
   * (`listPeriod` shows the newer once); saving the same edit again finishes the move. If the old row changed
   * meanwhile, the copy is taken back and the edit is refused as a race.
   */
  private async move(doc: RecordDoc, previous: Versioned<RecordDoc>): Promise<string> {
    const from = monthOf(previous.value.date);
    const to = monthOf(doc.date);
    const [oldTable, newTable] = await Promise.all([this.table(from), this.table(to)]);
    const placed = await this.place(newTable, doc);
    try {
      await oldTable.removeVersion(partition(doc.kind, from), doc.id, previous.etag);
    } catch (error) {
      if (error instanceof ConcurrencyError && placed.created) {
        await newTable.remove(partition(doc.kind, to), doc.id, placed.etag).catch(() => undefined);
      }
      throw error;
    }
    return placed.etag;
  }

  /**
   * Puts the moved record in its new month: created, or over a copy an interrupted move of the same version left
   * there (the same edit again, or one old enough that no one is still making it). Anything else there is a race.
   */
  private async place(table: DocumentTable<RecordDoc>, doc: RecordDoc): Promise<{ etag: string; created: boolean }> {
    const pk = partition(doc.kind, monthOf(doc.date));
    try {
      return { etag: await table.create(pk, doc.id, doc), created: true };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const there = await table.get(pk, doc.id);
      if (!there || !isLeftoverOf(there.value, doc)) throw error;
      if (sameEdit(there.value, doc)) return { etag: there.etag, created: false };
      return { etag: await table.replace(pk, doc.id, doc, there.etag), created: false };
    }
  }

  async listPeriod(
    fromDateKey: string,
    toDateKey: string,
    options: { kind?: RecordKind; onRead?: (n: number) => void } = {},
  ): Promise<RecordDoc[]> {
    const found = new Map<string, RecordDoc>();
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
        if (options.kind && doc.kind !== options.kind) continue;
        const other = found.get(doc.id);
        if (other) this.onDuplicate({ id: doc.id, kind: doc.kind, months: [monthOf(other.date), monthOf(doc.date)] });
        if (!other || newer(doc, other)) found.set(doc.id, doc);
      }
    }
    return [...found.values()];
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
