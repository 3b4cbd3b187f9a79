import type { DocumentTable } from '../../storage/document-table.js';
import { spreadBucket } from '../../storage/keys.js';
import { type Mutation, mutateDocument } from '../../storage/mutate-document.js';
import type { Champion } from '../domain/champion.js';
import { keepCycleHistory } from '../domain/cycle-history.js';
import type { ChampionStore } from './champion-store.js';

/** Champions are spread over 64 partitions by id, so a fan-out's reads and writes never crowd one partition. */
export const CHAMPION_PARTITIONS = 64;

/** PartitionKey `champion~<bucket of the id>`, RowKey the id. */
export function championKeys(id: string): [string, string] {
  return [`champion~${spreadBucket(id, CHAMPION_PARTITIONS)}`, id];
}

export class TableChampionStore implements ChampionStore {
  /** The ETag each champion object was read with, so a change right after the read needs no second read. */
  private readonly etags = new WeakMap<Champion, string>();

  constructor(private readonly table: DocumentTable<Champion>) {}

  async get(id: string): Promise<Champion | undefined> {
    const read = await this.table.get(...championKeys(id));
    if (read) this.etags.set(read.value, read.etag);
    return read?.value;
  }

  mutate(id: string, change: Mutation<Champion>, readAs?: Champion) {
    const etag = readAs && this.etags.get(readAs);
    const keepingHistory: Mutation<Champion> = (current) => {
      const next = change(current);
      return next && keepCycleHistory(current, next);
    };
    return mutateDocument(this.table, ...championKeys(id), keepingHistory, {
      ...(readAs && etag ? { known: { value: readAs, etag } } : {}),
    });
  }

  async list(): Promise<Champion[]> {
    const out: Champion[] = [];
    for await (const row of this.table.query(undefined)) out.push(row.value);
    return out;
  }
}
