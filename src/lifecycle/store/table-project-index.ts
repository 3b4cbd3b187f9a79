import { londonDateKey } from '../../calendar/london-time.js';
import { type DocumentTable, escapeOData } from '../../storage/document-table.js';
import { encodeKey } from '../../storage/keys.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { ProjectIndex, ProjectIndexRow } from './project-index.js';

const OPEN = 'open';
const ended = (month: string) => `ended~${month}`;

async function createOnce(table: DocumentTable<ProjectIndexRow>, pk: string, row: ProjectIndexRow): Promise<void> {
  try {
    await table.create(pk, row.reference, row);
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
  }
}

/** Azure Tables `Projects`: PK 'open' (RK reference) while followed, then PK `ended~YYYY-MM` (London month it ended). */
export class TableProjectIndex implements ProjectIndex {
  constructor(private readonly table: DocumentTable<ProjectIndexRow>) {}

  markOpen(row: ProjectIndexRow): Promise<void> {
    return createOnce(this.table, OPEN, row);
  }

  async markEnded(row: ProjectIndexRow & { closedAt: string; outcome: 'closed' | 'stopped' }): Promise<void> {
    await createOnce(this.table, ended(londonDateKey(new Date(row.closedAt)).slice(0, 7)), row);
    await this.table.remove(OPEN, row.reference);
  }

  async listOpen(): Promise<ProjectIndexRow[]> {
    const out: ProjectIndexRow[] = [];
    for await (const row of this.table.listPartition(OPEN)) out.push(row.value);
    return out;
  }

  async listEnded(fromMonth: string, toMonth: string): Promise<ProjectIndexRow[]> {
    const from = escapeOData(encodeKey(ended(fromMonth)));
    const to = escapeOData(encodeKey(`${ended(toMonth)}~`));
    const out: ProjectIndexRow[] = [];
    for await (const row of this.table.query(`PartitionKey ge '${from}' and PartitionKey lt '${to}'`)) {
      out.push(row.value);
    }
    return out;
  }

  removeOpen(reference: string): Promise<void> {
    return this.table.remove(OPEN, reference);
  }
}
