import type { DocumentTable } from './document-table.js';
import { ConcurrencyError } from './storage-errors.js';

/** Remembers incoming activity ids so a re-sent activity (Teams retries after 15 s) is handled once, across instances. */
export interface ActivityLedger {
  /** True the first time a key is seen; false for a duplicate. */
  firstSeen(conversationId: string, activityId: string, at: Date): Promise<boolean>;
}

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
}
