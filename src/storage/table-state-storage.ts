import type { Storage, StoreItems } from 'botbuilder';
import type { DocumentTable } from './document-table.js';
import { mutateDocument } from './mutate-document.js';

const PARTITION = 'state';

/**
 * botbuilder/teams-ai `Storage` on Azure Tables, so conversation and user state survive restarts.
 * Honours botbuilder's eTag contract: '*' or no eTag overwrites; a specific eTag must match or the write fails.
 */
export class TableStateStorage implements Storage {
  constructor(private readonly table: DocumentTable<Record<string, unknown>>) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const found = await this.table.get(PARTITION, key);
        if (found) items[key] = { ...found.value, eTag: found.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
        if (typeof eTag === 'string' && eTag !== '*' && eTag !== '') {
          await this.table.replace(PARTITION, key, value, eTag);
          return;
        }
        await this.writeUnconditionally(key, value);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.table.remove(PARTITION, key)));
  }

  /** botbuilder semantics for '*': create, or replace whatever is there. */
  private async writeUnconditionally(key: string, value: Record<string, unknown>): Promise<void> {
    await mutateDocument(this.table, PARTITION, key, () => value);
  }
}
