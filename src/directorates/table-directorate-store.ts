import { type Choice, referenceData } from '../reference-data/reference-data.js';
import type { DocumentTable } from '../storage/document-table.js';
import { writeDocument } from '../storage/write-document.js';
import type { DirectorateRow, DirectorateStore } from './directorate-store.js';

const PARTITION = 'directorate';

export class TableDirectorateStore implements DirectorateStore {
  constructor(
    private readonly table: DocumentTable<DirectorateRow>,
    private readonly defaults: readonly Choice[] = referenceData.directorates,
  ) {}

  async list(): Promise<Choice[]> {
    return (await this.listWithRetired()).filter((d) => !d.retired).map((d) => ({ id: d.id, label: d.label }));
  }

  async listWithRetired(): Promise<(Choice & { readonly retired: boolean })[]> {
    const changed = new Map<string, DirectorateRow>();
    for await (const row of this.table.listPartition(PARTITION)) changed.set(row.value.id, row.value);
    const defaults = this.defaults.map((d) => changed.get(d.id) ?? { ...d, retired: false });
    const added = [...changed.values()].filter((r) => !this.defaults.some((d) => d.id === r.id));
    return [...defaults, ...added].map((d) => ({ id: d.id, label: d.label, retired: d.retired }));
  }

  async save(row: DirectorateRow): Promise<void> {
    await writeDocument(this.table, PARTITION, row.id, () => row);
  }
}
