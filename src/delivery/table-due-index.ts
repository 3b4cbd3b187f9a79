import { londonDateKey } from '../calendar/london-time.js';
import { type DocumentTable, type DocumentWrites, escapeOData } from '../storage/document-table.js';
import { encodeKey, spreadBucket } from '../storage/keys.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { DueIndex, FoundWork } from './due-index.js';
import { type DueWork, deliveryKeyOf } from './due-work.js';

/** A day's due work is spread over this many partitions: a fan-out deletes its rows at a partition's pace. */
export const DUE_PARTITIONS_PER_DAY = 16;

/**
 * PartitionKey `job~YYYY-MM-DD~bb` (London due date, then a bucket of the delivery key), RowKey
 * `dueAt~kind~target~cycle`: one range query over a job's partitions up to today finds what is due.
 */
export function dueIndexKeys(job: string, work: DueWork): [string, string] {
  const key = deliveryKeyOf(work);
  const day = londonDateKey(new Date(work.dueAt));
  return [`${job}~${day}~${spreadBucket(key, DUE_PARTITIONS_PER_DAY)}`, `${work.dueAt}~${key}`];
}

/**
 * The due index on Azure Tables. `writes` are the table's own, or grouped per partition into transactions
 * (`GroupedWrites`, for the engine's background settles: a fan-out's new rows and removals in a few round trips).
 */
export class TableDueIndex implements DueIndex {
  constructor(
    private readonly table: DocumentTable<DueWork>,
    private readonly writes: DocumentWrites<DueWork> = table,
  ) {}

  async schedule(job: string, work: DueWork): Promise<void> {
    try {
      await this.writes.create(...dueIndexKeys(job, work), work);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }

  async listDue(job: string, now: Date, onRead?: (n: number) => void): Promise<FoundWork[]> {
    const from = escapeOData(encodeKey(`${job}~`));
    // '~' sorts after the date's digits and the bucket's hex digits: this takes every bucket of today and before.
    const to = escapeOData(encodeKey(`${job}~${londonDateKey(now)}~~`));
    const until = escapeOData(encodeKey(`${now.toISOString()}~~`));
    const filter = `PartitionKey gt '${from}' and PartitionKey lt '${to}' and RowKey lt '${until}'`;
    const due: FoundWork[] = [];
    for await (const row of this.table.query(filter, onRead))
      due.push({ ...row.value, foundAt: { pk: row.pk, rk: row.rk } });
    return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async complete(job: string, work: DueWork | FoundWork): Promise<void> {
    const [pk, rk] = 'foundAt' in work ? [work.foundAt.pk, work.foundAt.rk] : dueIndexKeys(job, work);
    await this.writes.remove(pk, rk);
  }
}
