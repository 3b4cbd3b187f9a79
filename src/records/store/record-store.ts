import type { Change, Versioned, Write, WriteOptions } from '../../storage/versioned.js';
import type { RecordDoc, RecordKind } from '../domain/record-doc.js';

/** Where a record is stored: its kind and the London month of its date, and its id. */
export interface RecordKey {
  readonly kind: RecordKind;
  readonly month: string;
  readonly id: string;
}

/** Records partitioned by London month of their date, then kind: a period reads one contiguous range of partitions. */
export interface RecordStore {
  get(key: RecordKey): Promise<Versioned<RecordDoc> | undefined>;
  /** Create-only: the id comes from the card, so a double click cannot create two. ConcurrencyError if it exists. */
  create(doc: RecordDoc): Promise<void>;
  /** Read-modify-write of an existing record (ETag-checked); moves it when its month changes. */
  write(key: RecordKey, change: Change<RecordDoc>, options?: WriteOptions<RecordDoc>): Promise<Write<RecordDoc>>;
  /** Records dated within [fromDateKey, toDateKey], of one `kind` or all; `onRead` counts entities read. */
  listPeriod(
    fromDateKey: string,
    toDateKey: string,
    options?: { kind?: RecordKind; onRead?: (n: number) => void },
  ): Promise<RecordDoc[]>;
  /** Items waiting for sign-off (an index, so the PPI team's list does not scan every item). */
  listPending(): Promise<RecordDoc[]>;
}
