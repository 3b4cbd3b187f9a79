import { londonDateKey } from '../calendar/london-time.js';
import { type DocumentTable, escapeOData } from '../storage/document-table.js';
import { encodeKey } from '../storage/keys.js';
import { ConcurrencyError } from '../storage/storage-errors.js';
import type { DueIndex } from './due-index.js';
import { type DueWork, deliveryKeyOf } from './due-work.js';

/** PartitionKey `job~YYYY-MM-DD` (London due date), RowKey `dueAt~kind~target~cycle`: a range query finds due rows. */
export class TableDueIndex implements DueIndex {
  constructor(private readonly table: DocumentTable<DueWork>) {}

  private keys(job: string, work: DueWork): [string, string] {
    return [`${job}~${londonDateKey(new Date(work.dueAt))}`, `${work.dueAt}~${deliveryKeyOf(work)}`];
  }

  async schedule(job: string, work: DueWork): Promise<void> {
    const [pk, rk] = this.keys(job, work);
    try {
      await this.table.create(pk, rk, work);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }

  async listDue(job: string, now: Date, onRead?: (n: number) => void): Promise<DueWork[]> {
    const from = escapeOData(encodeKey(`${job}~`));
    const to = escapeOData(encodeKey(`${job}~${londonDateKey(now)}`));
    const until = escapeOData(encodeKey(`${now.toISOString()}~~`));
    const filter = `PartitionKey gt '${from}' and PartitionKey le '${to}' and RowKey lt '${until}'`;
    const due: DueWork[] = [];
    for await (const row of this.table.query(filter, onRead)) due.push(row.value);
    return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async complete(job: string, work: DueWork): Promise<void> {
    const [pk, rk] = this.keys(job, work);
    await this.table.remove(pk, rk);
  }
}
