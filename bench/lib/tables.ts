import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';

/** A table of the bot's, opened directly (same prefix) to seed benchmark data. */
export async function benchTable<T>(connectionString: string, prefix: string, name: string): Promise<DocumentTable<T>> {
  return new DocumentTable<T>(await openTable(connectionString, `${prefix}${name}`), (raw) => raw as T);
}

export const newPrefix = () => `b${Math.random().toString(36).slice(2, 9)}`;
