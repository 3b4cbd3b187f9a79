import type { TransactionAction } from '@azure/data-tables';
import { type DocumentTable, type DocumentWrites, toEntity } from './document-table.js';
import { encodeKey } from './keys.js';

/** When a partition's waiting writes go to the store as one entity-group transaction. */
export interface GroupingSettings {
  /** A write waits at most this long for others to join it. */
  readonly maxWaitMs: number;
  /** Once no write has arrived for this long, everything waiting goes (a lone write is hardly slowed). */
  readonly quietMs: number;
  /** Azure's limits: 100 operations and 4 MiB per transaction. */
  readonly maxOps?: number;
  readonly maxChars?: number;
}

export const BACKGROUND_GROUPING: GroupingSettings = { maxWaitMs: 1_000, quietMs: 50 };

type Pending = {
  readonly rk: string;
  readonly action: TransactionAction;
  readonly chars: number;
  /** The same write on its own, with its own conditions (used when the transaction as a whole fails). */
  alone(): Promise<string>;
  resolve(etag: string): void;
  reject(error: unknown): void;
};

interface Queue {
  readonly pk: string;
  readonly items: Pending[];
  readonly since: number;
  chars: number;
}

/**
 * Writes to one document table grouped per partition into entity-group transactions (at most 100 operations and
 * 4 MiB, one partition each, all or nothing), each with exactly the conditions of a single write: `create` fails on
 * an existing key and `replace` on a stale ETag (ConcurrencyError), `remove` ignores a missing row. A write waits for
 * others at most `maxWaitMs`, and only while more keep coming. When a transaction fails (one write's condition, or
 * the store), its writes are made again one by one, so each gets its own answer and none is lost or doubled.
 * For background work (a fan-out's settles), where one round trip per hundred rows matters more than a second.
 */
export class GroupedWrites<T> implements DocumentWrites<T> {
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | undefined;
  private lastArrival = 0;
  /** Transactions sent so far, the writes they carried, and those that failed as a whole (for tests and benchmarks). */
  transactions = 0;
  grouped = 0;
  failedTransactions = 0;

  constructor(
    private readonly table: DocumentTable<T>,
    private readonly settings: GroupingSettings = BACKGROUND_GROUPING,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  create(pk: string, rk: string, value: T): Promise<string> {
    const entity = toEntity(pk, rk, value);
    return this.enqueue(pk, rk, ['create', entity as never], chars(entity), () => this.table.create(pk, rk, value));
  }

  replace(pk: string, rk: string, value: T, etag: string): Promise<string> {
    const entity = toEntity(pk, rk, value);
    return this.enqueue(pk, rk, ['update', entity as never, 'Replace', { etag }], chars(entity), () =>
      this.table.replace(pk, rk, value, etag),
    );
  }

  async remove(pk: string, rk: string): Promise<void> {
    const key = { partitionKey: encodeKey(pk), rowKey: encodeKey(rk) };
    await this.enqueue(pk, rk, ['delete', key], 100, async () => {
      await this.table.remove(pk, rk);
      return '';
    });
  }

  private enqueue(pk: string, rk: string, action: TransactionAction, size: number, alone: () => Promise<string>) {
    return new Promise<string>((resolve, reject) => {
      const key = encodeKey(pk);
      let queue = this.queues.get(key);
      // One row at most once per transaction; a second write to it waits for the next one.
      if (queue?.items.some((p) => p.rk === rk)) {
        this.send(queue);
        queue = undefined;
      }
      if (!queue) {
        queue = { pk: key, items: [], since: this.nowMs(), chars: 0 };
        this.queues.set(key, queue);
      }
      queue.items.push({ rk, action, chars: size, alone, resolve, reject });
      queue.chars += size;
      this.lastArrival = this.nowMs();
      if (queue.items.length >= (this.settings.maxOps ?? 100) || queue.chars >= (this.settings.maxChars ?? 3_500_000)) {
        this.send(queue);
      }
      this.arm();
    });
  }

  /** Sends what has waited long enough, or everything once writes stopped coming; then waits for the next due. */
  private readonly tick = () => {
    this.timer = undefined;
    const now = this.nowMs();
    const quiet = now - this.lastArrival >= this.settings.quietMs;
    for (const queue of [...this.queues.values()]) {
      if (quiet || now - queue.since >= this.settings.maxWaitMs) this.send(queue);
    }
    this.arm();
  };

  private arm(): void {
    if (this.timer || this.queues.size === 0) return;
    const oldest = Math.min(...[...this.queues.values()].map((q) => q.since));
    const due = Math.min(this.lastArrival + this.settings.quietMs, oldest + this.settings.maxWaitMs);
    this.timer = setTimeout(this.tick, Math.max(1, due - this.nowMs()));
  }

  private send(queue: Queue): void {
    if (this.queues.get(queue.pk) === queue) this.queues.delete(queue.pk);
    void this.commit(queue.items);
  }

  private async commit(items: readonly Pending[]): Promise<void> {
    if (items.length === 1) return settleAlone(items[0] as Pending);
    try {
      this.transactions++;
      this.grouped += items.length;
      const response = await this.table.client.submitTransaction(items.map((p) => p.action));
      items.forEach((p, i) => {
        p.resolve(response.subResponses[i]?.etag ?? '');
      });
    } catch {
      this.failedTransactions++;
      // All or nothing: nothing was written. Each write again on its own, with its own answer.
      await Promise.all(items.map(settleAlone));
    }
  }
}

async function settleAlone(p: Pending): Promise<void> {
  try {
    p.resolve(await p.alone());
  } catch (error) {
    p.reject(error);
  }
}

function chars(entity: Record<string, unknown>): number {
  let n = 200;
  for (const value of Object.values(entity)) n += typeof value === 'string' ? value.length : 16;
  return n;
}
