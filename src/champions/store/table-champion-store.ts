import type { DocumentTable } from '../../storage/document-table.js';
import { type Mutation, mutateDocument } from '../../storage/mutate-document.js';
import type { Champion } from '../domain/champion.js';
import type { ChampionStore } from './champion-store.js';

const PARTITION = 'champion';

export class TableChampionStore implements ChampionStore {
  constructor(private readonly table: DocumentTable<Champion>) {}

  async get(id: string): Promise<Champion | undefined> {
    return (await this.table.get(PARTITION, id))?.value;
  }

  mutate(id: string, change: Mutation<Champion>) {
    return mutateDocument(this.table, PARTITION, id, change);
  }

  async list(): Promise<Champion[]> {
    const out: Champion[] = [];
    for await (const row of this.table.listPartition(PARTITION)) out.push(row.value);
    return out;
  }
}
