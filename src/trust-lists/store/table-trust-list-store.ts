import type { Choice, ListEntry } from '../../reference-data/reference-data.js';
import type { DocumentTable } from '../../storage/document-table.js';
import { writeDocument } from '../../storage/write-document.js';
import { entriesOf, type ListRow, offered } from '../domain/list-entries.js';
import type { TrustListStore } from './trust-list-store.js';

/**
 * How long a read of a list is reused by this process. Every PIR step and card shows the lists, and they change a few
 * times a year: an admin's change is seen at once on the instance that saved it, within this long on any other.
 */
export const LIST_REUSE_MS = 10_000;

/** One partition of a table, RK the entry id: only the admins' changes are stored, over the defaults. */
export class TableTrustListStore implements TrustListStore {
  private read: { readonly at: number; readonly entries: Promise<ListEntry[]> } | undefined;

  constructor(
    private readonly table: DocumentTable<ListRow>,
    private readonly partition: string,
    private readonly defaults: readonly ListEntry[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The list as last read, when read less than LIST_REUSE_MS ago; a read that failed is not reused. */
  async entries(): Promise<ListEntry[]> {
    const at = this.now().getTime();
    const last = this.read;
    if (last && at >= last.at && at - last.at < LIST_REUSE_MS) return [...(await last.entries)];
    const entries = this.changes().then((changes) => entriesOf(this.defaults, changes));
    const read = { at, entries };
    this.read = read;
    entries.catch(() => {
      if (this.read === read) this.read = undefined;
    });
    return [...(await entries)];
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
    // Saved, or changed by someone else: either way the list as read is out of date.
    this.read = undefined;
    return write.status === 'applied' ? 'saved' : 'changed';
  }
}
