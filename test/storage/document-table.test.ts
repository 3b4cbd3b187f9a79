import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TableActivityLedger } from '../../src/storage/activity-ledger.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { decodeKey, encodeKey } from '../../src/storage/keys.js';
import { openTable } from '../../src/storage/open-table.js';
import { ConcurrencyError, StoreUnavailableError } from '../../src/storage/storage-errors.js';
import { tableClient } from '../../src/storage/table-access.js';
import { writeDocument } from '../../src/storage/write-document.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';

type Doc = { n: number; text?: string };
const asDoc = (raw: unknown) => raw as Doc;

async function table<T = Doc>(): Promise<DocumentTable<T>> {
  return new DocumentTable<T>(await openTable(azuriteConnectionString(), `${uniquePrefix()}Docs`), (raw) => raw as T);
}

describe('key encoding', () => {
  it('round-trips and never leaves a character Azure forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (raw) => {
        const key = encodeKey(raw);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting control characters are gone
        expect(key).not.toMatch(/[/\\#?\u0000-\u001f\u007f-\u009f]/);
        expect(decodeKey(key)).toBe(raw);
      }),
    );
  });

  it('caps long keys and keeps distinct inputs distinct', () => {
    const a = encodeKey(`${'x'.repeat(600)}a`);
    const b = encodeKey(`${'x'.repeat(600)}b`);
    expect(a.length).toBeLessThanOrEqual(400);
    expect(a).not.toBe(b);
  });

  it('stores and reads back keys full of forbidden characters on Azurite', async () => {
    const docs = await table();
    const keys = ['a/b', 'c\\d', 'e#f', 'g?h', 'tab\tkey', '100% sure', 'PIR-2026-0001'];
    for (const [i, key] of keys.entries()) await docs.create(key, key, { n: i });
    for (const [i, key] of keys.entries()) expect((await docs.get(key, key))?.value.n).toBe(i);
  });
});

describe('DocumentTable (Azurite)', () => {
  let docs: DocumentTable<Doc>;
  beforeAll(async () => {
    docs = await table();
  });

  it('creates, reads, replaces with the right ETag and removes', async () => {
    const etag = await docs.create('p', 'r1', { n: 1 });
    const read = await docs.get('p', 'r1');
    expect(read?.value).toEqual({ n: 1 });
    await docs.replace('p', 'r1', { n: 2 }, read?.etag ?? etag);
    expect((await docs.get('p', 'r1'))?.value.n).toBe(2);
    await docs.remove('p', 'r1');
    expect(await docs.get('p', 'r1')).toBeUndefined();
  });

  it('refuses to create over an existing key and to replace with a stale ETag, leaving the value alone', async () => {
    const first = await docs.create('p', 'r2', { n: 1 });
    await expect(docs.create('p', 'r2', { n: 9 })).rejects.toBeInstanceOf(ConcurrencyError);
    await docs.replace('p', 'r2', { n: 2 }, first);
    await expect(docs.replace('p', 'r2', { n: 3 }, first)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await docs.get('p', 'r2'))?.value.n).toBe(2);
  });

  it('round-trips a 200,000-character document with non-ASCII text across chunks', async () => {
    const text = 'Patients said “the wait was long” — café, naïve, 😀. '.repeat(4000).slice(0, 200_000);
    await docs.create('big', 'one', { n: 1, text });
    expect((await docs.get('big', 'one'))?.value.text).toBe(text);
  });

  it('refuses a document over the entity size limit with a clear error', async () => {
    await expect(docs.create('big', 'two', { n: 1, text: 'é'.repeat(200_000) })).rejects.toThrow(/too large/);
  });

  it('pages through more than 1,000 rows of a partition and reads RowKey ranges', async () => {
    const client = docs.client;
    const rows = Array.from({ length: 1200 }, (_, i) => String(i).padStart(5, '0'));
    for (let i = 0; i < rows.length; i += 100) {
      await client.submitTransaction(
        rows
          .slice(i, i + 100)
          .map((rk) => [
            'create',
            { partitionKey: 'many', rowKey: rk, chunks: 1, d0: JSON.stringify({ n: Number(rk) }) },
          ]),
      );
    }
    let read = 0;
    const all: number[] = [];
    for await (const row of docs.listPartition('many', {}, (n) => {
      read += n;
    }))
      all.push(row.value.n);
    expect(all).toHaveLength(1200);
    expect(read).toBe(1200);
    const range: string[] = [];
    for await (const row of docs.listPartition('many', { fromRk: '00100', toRk: '00110' })) range.push(row.rk);
    expect(range).toHaveLength(10);
  });

  it('lands every one of 20 concurrent read-modify-write increments, each saying it applied', async () => {
    const writes = await Promise.all(
      Array.from({ length: 20 }, () =>
        writeDocument(docs, 'counter', 'c', (cur) => ({ n: (cur?.n ?? 0) + 1 }), { attempts: 60 }),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(20).fill('applied'));
    expect((await docs.get('counter', 'c'))?.value.n).toBe(20);
    const left = await writeDocument(docs, 'counter', 'c', () => undefined);
    expect(left).toMatchObject({ status: 'refused', current: { value: { n: 20 } } });
    expect(await writeDocument(docs, 'counter', 'missing', (cur) => (cur ? { n: 1 } : undefined))).toEqual({
      status: 'not-found',
    });
  });

  it('starts from a version the caller already read, and re-reads instead of overwriting when it is stale', async () => {
    const docs = await table();
    await docs.create('p', 'r', { n: 1 });
    const read = await docs.get('p', 'r');
    if (!read) throw new Error('not stored');
    const fresh = await writeDocument(docs, 'p', 'r', (cur) => ({ n: (cur?.n ?? 0) + 1 }), { from: read });
    expect(fresh).toMatchObject({ status: 'applied', saved: { value: { n: 2 } }, previous: read });
    if (fresh.status !== 'applied') throw new Error('not applied');
    expect((await docs.get('p', 'r'))?.etag).toBe(fresh.saved.etag);
    // `read` is now stale: the write is refused by its ETag, the document re-read, and the change applied to n = 2.
    const stale = await writeDocument(docs, 'p', 'r', (cur) => ({ n: (cur?.n ?? 0) + 10 }), { from: read });
    expect(stale).toMatchObject({ status: 'applied', previous: { value: { n: 2 } }, saved: { value: { n: 12 } } });
    // Without retries a stale version is refused, with what is stored now; nothing is written.
    const refused = await writeDocument(docs, 'p', 'r', (cur) => ({ n: (cur?.n ?? 0) + 100 }), {
      from: read,
      retry: false,
    });
    expect(refused).toMatchObject({ status: 'refused', current: { value: { n: 12 } } });
    expect((await docs.get('p', 'r'))?.value).toEqual({ n: 12 });
  });

  it('reports an unreachable store as StoreUnavailableError', async () => {
    const closed =
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;';
    const dead = new DocumentTable(tableClient(closed, 'Nope'), asDoc);
    await expect(dead.get('a', 'b')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('ActivityLedger', () => {
  it('says first-seen once per conversation and activity id', async () => {
    const ledger = new TableActivityLedger(await table<{ at: string }>());
    const at = new Date('2026-11-23T10:00:00Z');
    expect(await ledger.firstSeen('c1', 'a1', at)).toBe(true);
    expect(await ledger.firstSeen('c1', 'a1', at)).toBe(false);
    expect(await ledger.firstSeen('c2', 'a1', at)).toBe(true);
  });
});
