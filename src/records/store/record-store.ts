import type { Versioned } from '../../storage/document-table.js';
import type { RecordDoc, RecordKind } from '../domain/record-doc.js';

/** Records partitioned by London month of their date, then kind: a period reads one contiguous range of partitions. */
export interface RecordStore {
  get(kind: RecordKind, month: string, id: string): Promise<Versioned<RecordDoc> | undefined>;
  /** Create-only: the id comes from the card, so a double click cannot create two. ConcurrencyError if it exists. */
  create(doc: RecordDoc): Promise<void>;
  /** ETag-checked; moves the record when its month changed. */
  replace(doc: RecordDoc, previous: Versioned<RecordDoc>): Promise<void>;
  /** Records dated within [fromDateKey, toDateKey], of one `kind` or all; `onRead` counts entities read. */
  listPeriod(
    fromDateKey: string,
    toDateKey: string,
    options?: { kind?: RecordKind; onRead?: (n: number) => void },
  ): Promise<RecordDoc[]>;
  /** Items waiting for sign-off (an index, so the PPI team's list does not scan every item). */
  listPending(): Promise<RecordDoc[]>;
}
