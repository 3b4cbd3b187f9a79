import type { TableClient } from '@azure/data-tables';
import { decodeKey, encodeKey } from './keys.js';
import { listEntities, type RawEntity } from './list-entities.js';
import { statusOf, translateStoreError } from './storage-errors.js';
import type { Versioned } from './versioned.js';

export type Decode<T> = (raw: unknown) => T;
export type Columns = Record<string, string | number | boolean | Date>;

const CHUNK = 30_000; // Azure string properties hold 32K UTF-16 characters
const MAX_CHUNKS = 15; // 450K UTF-16 characters: under the 1 MiB Azure entity limit

/**
 * JSON with every non-ASCII character escaped (\uXXXX). Azurite decodes large request bodies chunk by chunk and
 * corrupts a multi-byte UTF-8 character split across chunks; ASCII-only payloads cannot be split that way.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The stored form of a document (exported for bulk loading in benchmarks). */
export function toEntity(pk: string, rk: string, value: unknown, columns?: Columns): Record<string, unknown> {
  const json = asciiJson(value);
  const chunks = Math.ceil(json.length / CHUNK) || 1;
  if (chunks > MAX_CHUNKS) throw new RangeError(`Document too large to store (${json.length} characters).`);
  const entity: Record<string, unknown> = { partitionKey: encodeKey(pk), rowKey: encodeKey(rk), chunks, ...columns };
  for (let i = 0; i < chunks; i++) entity[`d${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return entity;
}

function fromEntity<T>(entity: RawEntity, decode: Decode<T>): Versioned<T> {
  const chunks = typeof entity.chunks === 'number' ? entity.chunks : 1;
  let json = '';
  for (let i = 0; i < chunks; i++) json += String(entity[`d${i}`] ?? '');
  return { value: decode(JSON.parse(json)), etag: entity.etag };
}

/** The conditional writes of a document table (a `DocumentTable` itself, or `GroupedWrites` over one). */
export interface DocumentWrites<T> {
  /** ConcurrencyError when the key exists. */
  create(pk: string, rk: string, value: T): Promise<string>;
  /** ConcurrencyError when the stored version is not `etag` (or is gone). */
  replace(pk: string, rk: string, value: T, etag: string): Promise<string>;
  /** Deletes the row whatever its version; a missing row is fine. */
  remove(pk: string, rk: string): Promise<void>;
}

/**
 * One table of JSON documents keyed by (partition, row). Keys are given raw and encoded here. Every write is
 * conditional: `create` fails on an existing key and `replace`/`remove` fail on a stale ETag, both as ConcurrencyError.
 */
export class DocumentTable<T> implements DocumentWrites<T> {
  constructor(
    readonly client: TableClient,
    private readonly decode: Decode<T>,
  ) {}

  async get(pk: string, rk: string): Promise<Versioned<T> | undefined> {
    try {
      const entity = await this.client.getEntity<Record<string, unknown>>(encodeKey(pk), encodeKey(rk));
      return fromEntity(entity as RawEntity, this.decode);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      return translateStoreError(error);
    }
  }

  async create(pk: string, rk: string, value: T, columns?: Columns): Promise<string> {
    try {
      const result = await this.client.createEntity(toEntity(pk, rk, value, columns) as never);
      return result.etag ?? '';
    } catch (error) {
      return translateStoreError(error);
    }
  }

  async replace(pk: string, rk: string, value: T, etag: string, columns?: Columns): Promise<string> {
    try {
      const result = await this.client.updateEntity(toEntity(pk, rk, value, columns) as never, 'Replace', { etag });
      return result.etag ?? '';
    } catch (error) {
      if (statusOf(error) === 404) return translateStoreError({ statusCode: 412 });
      return translateStoreError(error);
    }
  }

  /** Deletes exactly the version read: ConcurrencyError when it changed or is gone (someone else got there first). */
  async removeVersion(pk: string, rk: string, etag: string): Promise<void> {
    try {
      await this.client.deleteEntity(encodeKey(pk), encodeKey(rk), { etag });
    } catch (error) {
      translateStoreError(statusOf(error) === 404 ? { statusCode: 412 } : error);
    }
  }

  async remove(pk: string, rk: string, etag = '*'): Promise<void> {
    try {
      await this.client.deleteEntity(encodeKey(pk), encodeKey(rk), { etag });
    } catch (error) {
      if (statusOf(error) === 404) return;
      translateStoreError(error);
    }
  }

  /** Rows of one partition, optionally a RowKey range [fromRk, toRk). Cost grows with the rows returned. */
  async *listPartition(
    pk: string,
    range: { fromRk?: string; toRk?: string } = {},
    onRead?: (n: number) => void,
  ): AsyncGenerator<Versioned<T> & { pk: string; rk: string }> {
    const clauses = [`PartitionKey eq '${escapeOData(encodeKey(pk))}'`];
    if (range.fromRk !== undefined) clauses.push(`RowKey ge '${escapeOData(encodeKey(range.fromRk))}'`);
    if (range.toRk !== undefined) clauses.push(`RowKey lt '${escapeOData(encodeKey(range.toRk))}'`);
    yield* this.query(clauses.join(' and '), onRead);
  }

  async *query(
    filter: string | undefined,
    onRead?: (n: number) => void,
  ): AsyncGenerator<Versioned<T> & { pk: string; rk: string }> {
    try {
      for await (const entity of listEntities(this.client, filter, { onRead })) {
        yield {
          ...fromEntity(entity, this.decode),
          pk: decodeKey(entity.partitionKey ?? ''),
          rk: decodeKey(entity.rowKey ?? ''),
        };
      }
    } catch (error) {
      translateStoreError(error);
    }
  }
}

export function escapeOData(value: string): string {
  return value.replace(/'/g, "''");
}
