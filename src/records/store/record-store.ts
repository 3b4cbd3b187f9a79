import type { Versioned } from '../../storage/document-table.js';
import type { RecordDoc, RecordKind } from '../domain/record-doc.js';

/** Records partitioned by kind and London month of their date: a period reads only its months. */
export interface RecordStore {
  get(kind: RecordKind, month: string, id: string): Promise<Versioned<RecordDoc> | undefined>;
  /** Create-only: the id comes from the card, so a double click cannot create two. ConcurrencyError if it exists. */
  create(doc: RecordDoc): Promise<void>;
  /** ETag-checked; moves the record when its month changed. */
  replace(doc: RecordDoc, previous: Versioned<RecordDoc>): Promise<void>;
  /** Records of `kind` dated within [fromDateKey, toDateKey]; `onRead` counts entities read. */
  listPeriod(
    kind: RecordKind,
    fromDateKey: string,
    toDateKey: string,
    onRead?: (n: number) => void,
  ): Promise<RecordDoc[]>;
  /** Items waiting for sign-off (an index, so the PPI team's list does not scan every item). */
  listPending(): Promise<RecordDoc[]>;
}
