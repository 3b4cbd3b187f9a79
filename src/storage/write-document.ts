import type { DocumentTable, DocumentWrites } from './document-table.js';
import { ConcurrencyError } from './storage-errors.js';
import type { Change, Versioned, Write, WriteOptions } from './versioned.js';

/** Where one document lives: how to read it, and how to write `next` over `current` (or create it); the new ETag. */
export interface DocumentSlot<T> {
  read(): Promise<Versioned<T> | undefined>;
  write(next: T, current: Versioned<T> | undefined): Promise<string>;
}

/**
 * The one read-modify-write of every store, under optimistic concurrency: `change` sees what is stored and returns
 * the next value (or undefined to leave it alone). A lost race re-reads and runs `change` again, so no update is
 * silently overwritten; with `retry: false` it is refused instead. The result says what happened.
 */
export async function writeSlot<T>(
  slot: DocumentSlot<T>,
  change: Change<T>,
  options: WriteOptions<T> & { readonly attempts?: number } = {},
): Promise<Write<T>> {
  const attempts = options.retry === false ? 1 : (options.attempts ?? 5);
  let current = options.from ?? (await slot.read());
  for (let attempt = 0; ; attempt++) {
    const next = change(current?.value);
    if (next === undefined) return current ? { status: 'refused', current } : { status: 'not-found' };
    try {
      const etag = await slot.write(next, current);
      return { status: 'applied', saved: { value: next, etag }, ...(current ? { previous: current } : {}) };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (options.retry === false) {
        const stored = await slot.read();
        return stored ? { status: 'refused', current: stored } : { status: 'not-found' };
      }
      if (attempt + 1 >= attempts) throw new ConcurrencyError(`kept changing; gave up after ${attempts} attempts.`);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
      current = await slot.read();
    }
  }
}

/**
 * The slot of (pk, rk) in a document table: create when nothing is stored, else replace with its ETag. `writes` are
 * the table's own, or the same writes grouped into transactions (`GroupedWrites`), with the same conditions.
 */
export function slotOf<T>(
  table: DocumentTable<T>,
  pk: string,
  rk: string,
  writes: DocumentWrites<T> = table,
): DocumentSlot<T> {
  return {
    read: () => table.get(pk, rk),
    write: (next, current) => (current ? writes.replace(pk, rk, next, current.etag) : writes.create(pk, rk, next)),
  };
}

/** `writeSlot` on one document of a table. */
export function writeDocument<T>(
  table: DocumentTable<T>,
  pk: string,
  rk: string,
  change: Change<T>,
  options: WriteOptions<T> & { readonly attempts?: number; readonly writes?: DocumentWrites<T> } = {},
): Promise<Write<T>> {
  return writeSlot(slotOf(table, pk, rk, options.writes), change, options);
}
