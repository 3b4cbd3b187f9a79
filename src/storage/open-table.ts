import type { TableClient } from '@azure/data-tables';
import { statusOf } from './storage-errors.js';
import { type TableAccess, tableClient } from './table-access.js';

/** Opens a table, creating it when missing. */
export async function openTable(access: TableAccess, tableName: string): Promise<TableClient> {
  const client = tableClient(access, tableName);
  try {
    await client.createTable();
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  return client;
}
