import type { Mutation } from '../../storage/mutate-document.js';
import type { Pir } from '../domain/pir.js';

/** Requests, partitioned by lead, plus a reference index (PIR-2026-0042 → lead and id) and a per-year counter. */
export interface PirStore {
  get(leadId: string, pirId: string): Promise<Pir | undefined>;
  create(pir: Pir): Promise<void>;
  /**
   * Optimistic read-modify-write; `change` may return undefined to leave the request alone. `readAs`: the request as
   * `get` just returned it; the write then starts from that version (ETag-checked) instead of reading it again.
   */
  mutate(
    leadId: string,
    pirId: string,
    change: Mutation<Pir>,
    readAs?: Pir,
  ): Promise<{ before: Pir | undefined; after: Pir | undefined }>;
  listForLead(leadId: string): Promise<Pir[]>;
  /** Allocates the next reference for `year`: unique and sequential even under concurrent submits. */
  allocateReference(year: number): Promise<string>;
  indexReference(reference: string, leadId: string, pirId: string): Promise<void>;
  findByReference(reference: string): Promise<Pir | undefined>;
  /** Every submitted request with a reference of `year` (reads that year's index, then each request). */
  /** Drafts not updated since `before` (the retention job: a daily read of the requests table). */
  listStaleDrafts(before: string): Promise<{ pir: Pir; etag: string }[]>;
  /** Deletes a request only if it is unchanged since it was read. ConcurrencyError otherwise. */
  removeUnchanged(pir: Pir, etag: string): Promise<void>;
  listSubmittedInYear(year: number, onRead?: (n: number) => void): Promise<Pir[]>;
}
