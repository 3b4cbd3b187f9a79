import { TableClient } from '@azure/data-tables';
import { statusOf } from './storage-errors.js';

/** A TableClient for one table; http endpoints (Azurite) are allowed, retries kept short so faults surface fast. */
export function tableClient(connectionString: string, tableName: string): TableClient {
  return TableClient.fromConnectionString(connectionString, tableName, {
    allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:|UseDevelopmentStorage=true/i.test(
      connectionString,
    ),
    retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 1000 },
  });
}

/** Opens a table, creating it when missing. */
export async function openTable(connectionString: string, tableName: string): Promise<TableClient> {
  const client = tableClient(connectionString, tableName);
  try {
    await client.createTable();
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  return client;
}
