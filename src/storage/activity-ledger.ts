import { type DocumentTable, escapeOData } from './document-table.js';
import { encodeKey } from './keys.js';
import { ConcurrencyError } from './storage-errors.js';

/** Remembers incoming activity ids so a re-sent activity (Teams retries after 15 s) is handled once, across instances. */
export interface ActivityLedger {
  /** True the first time a key is seen; false for a duplicate. */
  firstSeen(conversationId: string, activityId: string, at: Date): Promise<boolean>;
  /**
   * Deletes the days older than LEDGER_KEEP_DAYS before `now` (Teams re-sends within seconds, so nothing older is
   * needed), each row only as it was read (ETag); the number of rows removed.
   */
  prune(now: Date, keepGoing: () => boolean): Promise<number>;
}

/** Days of activity ids kept (besides today): a re-send arrives within a minute, a late one within hours. */
export const LEDGER_KEEP_DAYS = 2;
const DAY_MS = 86_400_000;
const PARALLEL_DELETES = 16;

/** PartitionKey = the activity's UTC day (a retry carries the original timestamp), RowKey = conversation|id. */
export class TableActivityLedger implements ActivityLedger {
  constructor(private readonly table: DocumentTable<{ at: string }>) {}

  async firstSeen(conversationId: string, activityId: string, at: Date): Promise<boolean> {
    try {
      await this.table.create(at.toISOString().slice(0, 10), `${conversationId}|${activityId}`, {
        at: at.toISOString(),
      });
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  async prune(now: Date, keepGoing: () => boolean): Promise<number> {
    const cutoff = new Date(now.getTime() - LEDGER_KEEP_DAYS * DAY_MS).toISOString().slice(0, 10);
    const filter = `PartitionKey lt '${escapeOData(encodeKey(cutoff))}'`;
    let removed = 0;
    let batch: Promise<boolean>[] = [];
    const settle = async () => {
      removed += (await Promise.all(batch)).filter(Boolean).length;
      batch = [];
    };
    for await (const row of this.table.query(filter)) {
      if (!keepGoing()) break;
      batch.push(this.removeRow(row.pk, row.rk, row.etag));
      if (batch.length >= PARALLEL_DELETES) await settle();
    }
    await settle();
    return removed;
  }

  /** Deletes one row as read; false when it changed or went meanwhile (another instance pruning). */
  private async removeRow(pk: string, rk: string, etag: string): Promise<boolean> {
    try {
      await this.table.removeVersion(pk, rk, etag);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }
}
