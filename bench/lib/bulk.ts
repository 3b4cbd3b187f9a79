import type { DocumentTable } from '../../src/storage/document-table.js';
import { toEntity } from '../../src/storage/document-table.js';

/**
 * Loads many documents fast: entity-group transactions of 100 rows per partition, several in flight. For seeding
 * benchmark data only; the bot itself writes one document at a time with ETags.
 */
export async function bulkInsert<T>(table: DocumentTable<T>, rows: readonly { pk: string; rk: string; value: T }[]) {
  const byPartition = new Map<string, { pk: string; rk: string; value: T }[]>();
  for (const row of rows) {
    const list = byPartition.get(row.pk) ?? [];
    list.push(row);
    byPartition.set(row.pk, list);
  }
  const batches: { pk: string; rk: string; value: T }[][] = [];
  for (const list of byPartition.values()) {
    for (let i = 0; i < list.length; i += 100) batches.push(list.slice(i, i + 100));
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++] ?? [];
        await table.client.submitTransaction(
          batch.map((r) => ['create', toEntity(r.pk, r.rk, r.value)] as ['create', never]),
        );
      }
    }),
  );
}
