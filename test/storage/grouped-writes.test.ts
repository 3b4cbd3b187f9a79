import { describe, expect, it } from 'vitest';
import { DocumentTable } from '../../src/storage/document-table.js';
import { GroupedWrites } from '../../src/storage/grouped-writes.js';
import { openTable } from '../../src/storage/open-table.js';
import { ConcurrencyError } from '../../src/storage/storage-errors.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { StoreRequestCounter, tablePortOf } from '../helpers/store-requests.js';

type Doc = { n: number };

async function table(): Promise<DocumentTable<Doc>> {
  return new DocumentTable<Doc>(
    await openTable(azuriteConnectionString(), `${uniquePrefix()}Grouped`),
    (raw) => raw as Doc,
  );
}

/** What `promise` settled to: its value, or the class of its error. */
async function outcome<T>(promise: Promise<T>): Promise<T | string> {
  try {
    return await promise;
  } catch (error) {
    return error instanceof ConcurrencyError ? 'ConcurrencyError' : String(error);
  }
}

describe('grouped writes (entity-group transactions per partition) on Azurite', () => {
  it('puts writes to one partition that arrive together in one transaction, each with its own ETag', async () => {
    const docs = await table();
    const grouped = new GroupedWrites(docs, { maxWaitMs: 500, quietMs: 30 });
    const counter = new StoreRequestCounter(tablePortOf(azuriteConnectionString()));
    const etags = await Promise.all(Array.from({ length: 40 }, (_, i) => grouped.create('p', `r${i}`, { n: i })));
    const trips = counter.count;
    counter.stop();
    expect(trips).toBe(1);
    expect(grouped.transactions).toBe(1);
    expect((await docs.get('p', 'r7'))?.value).toEqual({ n: 7 });
    // Each ETag is the row's own: a replace over it succeeds, grouped or not.
    await grouped.replace('p', 'r7', { n: 70 }, etags[7] ?? '');
    await docs.replace('p', 'r8', { n: 80 }, etags[8] ?? '');
    expect((await docs.get('p', 'r7'))?.value).toEqual({ n: 70 });
  });

  it('keeps every write’s own condition: one that fails does not take the others with it', async () => {
    const docs = await table();
    const stale = await docs.create('p', 'stale', { n: 1 });
    await docs.replace('p', 'stale', { n: 2 }, stale);
    await docs.create('p', 'taken', { n: 1 });
    const grouped = new GroupedWrites(docs, { maxWaitMs: 500, quietMs: 30 });
    const results = await Promise.all([
      outcome(grouped.create('p', 'new-1', { n: 1 })),
      outcome(grouped.create('p', 'taken', { n: 99 })),
      outcome(grouped.replace('p', 'stale', { n: 99 }, stale)),
      outcome(grouped.remove('p', 'never-there')),
      outcome(grouped.create('p', 'new-2', { n: 2 })),
    ]);
    // One transaction was tried; it failed as a whole, and each write was then made on its own.
    expect(grouped.transactions).toBe(1);
    expect(results[1]).toBe('ConcurrencyError');
    expect(results[2]).toBe('ConcurrencyError');
    expect(results[3]).toBeUndefined();
    expect((await docs.get('p', 'new-1'))?.value).toEqual({ n: 1 });
    expect((await docs.get('p', 'new-2'))?.value).toEqual({ n: 2 });
    // Nothing silently overwritten.
    expect((await docs.get('p', 'taken'))?.value).toEqual({ n: 1 });
    expect((await docs.get('p', 'stale'))?.value).toEqual({ n: 2 });
  });

  it('sends a second write to the same row after the first, partitions apart, and a lone write at once', async () => {
    const docs = await table();
    const grouped = new GroupedWrites(docs, { maxWaitMs: 2_000, quietMs: 30 });
    const first = grouped.create('a', 'row', { n: 1 });
    const second = outcome(grouped.create('a', 'row', { n: 2 }));
    const other = grouped.create('b', 'row', { n: 3 });
    await first;
    expect(await second).toBe('ConcurrencyError');
    await other;
    expect((await docs.get('a', 'row'))?.value).toEqual({ n: 1 });
    const started = performance.now();
    await grouped.remove('a', 'row');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await docs.get('a', 'row')).toBeUndefined();
  });

  it('flushes at 100 writes without waiting', async () => {
    const docs = await table();
    const grouped = new GroupedWrites(docs, { maxWaitMs: 60_000, quietMs: 60_000 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 100 }, (_, i) => grouped.create('p', `r${i}`, { n: i })));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(grouped.transactions).toBe(1);
    expect(grouped.grouped).toBe(100);
  });
});
