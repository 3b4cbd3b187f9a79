import type { Choice, ListEntry } from '../../reference-data/reference-data.js';
import type { DocumentTable } from '../../storage/document-table.js';
import { writeDocument } from '../../storage/write-document.js';
import { entriesOf, type ListRow, offered } from '../domain/list-entries.js';
import type { TrustListStore } from './trust-list-store.js';

/** One partition of a table, RK the entry id: only the admins' changes are stored, over the defaults. */
export class TableTrustListStore implements TrustListStore {
  constructor(
    private readonly table: DocumentTable<ListRow>,
    private readonly partition: string,
    private readonly defaults: readonly ListEntry[],
  ) {}

  async entries(): Promise<ListEntry[]> {
    return entriesOf(this.defaults, await this.changes());
  }

  async offered(): Promise<Choice[]> {
    return offered(await this.entries());
  }

  private async changes(): Promise<ListRow[]> {
    const changes: ListRow[] = [];
    for await (const row of this.table.listPartition(this.partition)) changes.push(row.value);
    return changes;
  }

  async save(row: ListRow, seen: ListEntry | undefined): Promise<'saved' | 'changed'> {
    const asDefault = this.defaults.find((d) => d.id === row.id);
    const unchanged = (current: ListRow | undefined) => {
      const now = current ?? asDefault;
      return now === undefined ? seen === undefined : now.label === seen?.label && now.retired === seen.retired;
    };
    const write = await writeDocument(this.table, this.partition, row.id, (current) =>
      unchanged(current) ? row : undefined,
    );
    return write.status === 'applied' ? 'saved' : 'changed';
  }
}
