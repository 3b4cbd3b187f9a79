import type { Columns, DocumentTable, Versioned } from './document-table.js';
import { ConcurrencyError } from './storage-errors.js';

export type Mutation<T> = (current: T | undefined) => T | undefined;

/**
 * Read-modify-write under optimistic concurrency: `change` sees the current value and returns the next one (or
 * undefined to leave it alone). A lost race re-reads and re-applies `change`, so no update is silently overwritten.
 * `known`: the document as it was just read, with its ETag; the first attempt starts from it instead of reading.
 */
export async function mutateDocument<T>(
  table: DocumentTable<T>,
  pk: string,
  rk: string,
  change: Mutation<T>,
  options: { attempts?: number; columns?: (value: T) => Columns; known?: Versioned<T> } = {},
): Promise<{ before: T | undefined; after: T | undefined }> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = attempt === 0 && options.known ? options.known : await table.get(pk, rk);
    const next = change(current?.value);
    if (next === undefined) return { before: current?.value, after: current?.value };
    const columns = options.columns?.(next);
    try {
      if (current) await table.replace(pk, rk, next, current.etag, columns);
      else await table.create(pk, rk, next, columns);
      return { before: current?.value, after: next };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    }
  }
  throw new ConcurrencyError(`${pk}/${rk} kept changing; gave up after ${attempts} attempts.`);
}
