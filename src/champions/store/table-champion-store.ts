import type { DocumentTable, DocumentWrites } from '../../storage/document-table.js';
import { spreadBucket } from '../../storage/keys.js';
import type { Change, Versioned, WriteOptions } from '../../storage/versioned.js';
import { writeDocument } from '../../storage/write-document.js';
import type { Champion } from '../domain/champion.js';
import { keepCycleHistory } from '../domain/cycle-history.js';
import type { ChampionStore } from './champion-store.js';

/** Champions are spread over 64 partitions by id, so a fan-out's reads and writes never crowd one partition. */
export const CHAMPION_PARTITIONS = 64;

/** PartitionKey `champion~<bucket of the id>`, RowKey the id. */
export function championKeys(id: string): [string, string] {
  return [`champion~${spreadBucket(id, CHAMPION_PARTITIONS)}`, id];
}

/** `writes` are the table's own, or grouped per partition into transactions (the engine's background settles). */
export class TableChampionStore implements ChampionStore {
  constructor(
    private readonly table: DocumentTable<Champion>,
    private readonly writes: DocumentWrites<Champion> = table,
  ) {}

  get(id: string): Promise<Versioned<Champion> | undefined> {
    return this.table.get(...championKeys(id));
  }

  /** Every write keeps the cycle it replaces (`keepCycleHistory`), so the quarterly report sees every check-in. */
  write(id: string, change: Change<Champion>, options?: WriteOptions<Champion>) {
    const keepingHistory: Change<Champion> = (current) => {
      const next = change(current);
      return next && keepCycleHistory(current, next);
    };
    return writeDocument(this.table, ...championKeys(id), keepingHistory, { ...options, writes: this.writes });
  }

  async list(): Promise<Champion[]> {
    const out: Champion[] = [];
    for await (const row of this.table.query(undefined)) out.push(row.value);
    return out;
  }
}
