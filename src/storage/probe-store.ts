import { TableServiceClient } from '@azure/data-tables';

/** One cheap call to the Table service; resolves to undefined when reachable, else a sentence saying what to do. */
export async function probeStore(connectionString: string): Promise<string | undefined> {
  const client = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection: /http:|UseDevelopmentStorage=true/i.test(connectionString),
    retryOptions: { maxRetries: 0 },
  });
  try {
    const pages = client.listTables().byPage({ maxPageSize: 1 });
    await pages.next();
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `Azure Table Storage is not reachable (${reason}): check STORAGE_CONNECTION_STRING, or leave it empty to use the embedded Azurite.`;
  }
}
