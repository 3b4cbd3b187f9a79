import type { TableClient, TableEntityResult } from '@azure/data-tables';

export type RawEntity = TableEntityResult<Record<string, unknown>>;

/**
 * Pages through a query with `byPage` (pages may be short or empty with a continuation token) and yields entities.
 * `onRead` counts entities read, for benchmarks of query cost.
 */
export async function* listEntities(
  client: TableClient,
  filter: string | undefined,
  options: { pageSize?: number; select?: string[]; onRead?: (n: number) => void } = {},
): AsyncGenerator<RawEntity> {
  const pages = client
    .listEntities<Record<string, unknown>>({
      queryOptions: { ...(filter ? { filter } : {}), ...(options.select ? { select: options.select } : {}) },
    })
    .byPage({ maxPageSize: options.pageSize ?? 1000 });
  for await (const page of pages) {
    options.onRead?.(page.length);
    for (const entity of page) yield entity;
  }
}
