import type { Change, Versioned, Write, WriteOptions } from '../../storage/versioned.js';
import type { Pir } from '../domain/pir.js';
import type { RequestFacts } from '../domain/request-facts.js';

/** A request a period counts: its figures, and the request itself when it had to be read. */
export interface PeriodRequest {
  readonly leadId: string;
  readonly pirId: string;
  readonly facts: RequestFacts;
  readonly pir?: Pir;
}

/** Requests, partitioned by lead, plus a reference index (PIR-2026-0042 → lead and id) and a per-year counter. */
export interface PirStore {
  /** The request with the version it was read at (pass it as `from` to write over exactly that version). */
  get(leadId: string, pirId: string): Promise<Versioned<Pir> | undefined>;
  /** Create-only: ConcurrencyError if the id exists. */
  create(pir: Pir): Promise<Versioned<Pir>>;
  /** Read-modify-write (ETag-checked); the result says whether it applied, and carries the new version. */
  write(leadId: string, pirId: string, change: Change<Pir>, options?: WriteOptions<Pir>): Promise<Write<Pir>>;
  listForLead(leadId: string): Promise<Pir[]>;
  /** Allocates the next reference for `year`: unique and sequential even under concurrent submits. */
  allocateReference(year: number): Promise<string>;
  indexReference(reference: string, leadId: string, pirId: string): Promise<void>;
  findByReference(reference: string): Promise<Pir | undefined>;
  /** The same for many references, a few at a time, in their order. */
  findManyByReference(references: readonly string[]): Promise<(Pir | undefined)[]>;
  /** The same, with the version it was read at (to write over it). */
  getByReference(reference: string): Promise<Versioned<Pir> | undefined>;
  /** Every submitted request with a reference of `year` (reads that year's index, then each request). */
  listSubmittedInYear(year: number, onRead?: (n: number) => void): Promise<Pir[]>;
  /**
   * The requests a period of the London months `fromMonth`..`toMonth` counts (submitted or decided in them), from the
   * period index: their figures as saved, or the request itself where the index is not sure. Requests of a year the
   * index does not cover yet (stored before it existed: see `indexEarlierYears`) are read the old way, that year
   * and the year before, so nothing stored is left out.
   */
  listInMonths(fromMonth: string, toMonth: string, onRead?: (n: number) => void): Promise<PeriodRequest[]>;
  /** Point reads of many requests, a few at a time (undefined for one not found). */
  getMany(keys: readonly { readonly leadId: string; readonly pirId: string }[]): Promise<(Pir | undefined)[]>;
  /** Puts the requests of years stored before the period index into it (the daily job); what it did, in counts. */
  indexEarlierYears(keepGoing: () => boolean): Promise<{ readonly years: number; readonly rows: number }>;
  /** Drafts not updated since `before` (the retention job: a daily read of the requests table). */
  listStaleDrafts(before: string): Promise<Versioned<Pir>[]>;
  /**
   * The PPI team's queue (an index, so `requests` reads no lead's partition it does not need): a request is put on it
   * before it is submitted and taken off once decided for good; a row left behind is skipped when read.
   */
  markOpen(leadId: string, pirId: string): Promise<void>;
  markClosed(pirId: string): Promise<void>;
  /** Requests on the queue that are still awaiting assessment or waiting for the lead's changes. */
  listOpen(): Promise<Pir[]>;
  /** Deletes a request only if it is unchanged since it was read. ConcurrencyError otherwise. */
  removeUnchanged(draft: Versioned<Pir>): Promise<void>;
}
