import { type Choice, referenceData } from '../../reference-data/reference-data.js';
import type { DocumentTable } from '../../storage/document-table.js';
import { writeDocument } from '../../storage/write-document.js';
import {
  type DirectorateRow,
  directorateList,
  directoratesEver,
  type ListedDirectorate,
} from '../domain/directorate-list.js';
import type { DirectorateStore } from './directorate-store.js';

const PARTITION = 'directorate';

/** PK 'directorate', RK the directorate id: only the admins' changes are stored. */
export class TableDirectorateStore implements DirectorateStore {
  constructor(
    private readonly table: DocumentTable<DirectorateRow>,
    private readonly defaults: readonly Choice[] = referenceData.directorates,
  ) {}

  async list(): Promise<Choice[]> {
    return directorateList(this.defaults, await this.changes());
  }

  async listWithRetired(): Promise<ListedDirectorate[]> {
    return directoratesEver(this.defaults, await this.changes());
  }

  private async changes(): Promise<DirectorateRow[]> {
    const changes: DirectorateRow[] = [];
    for await (const row of this.table.listPartition(PARTITION)) changes.push(row.value);
    return changes;
  }

  async save(row: DirectorateRow): Promise<void> {
    await writeDocument(this.table, PARTITION, row.id, () => row);
  }
}
