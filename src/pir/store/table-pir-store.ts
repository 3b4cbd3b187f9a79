import type { DocumentTable } from '../../storage/document-table.js';
import { mapBounded } from '../../storage/map-bounded.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { type Change, existing, type Versioned, type WriteOptions } from '../../storage/versioned.js';
import { writeDocument, writeSlot } from '../../storage/write-document.js';
import { isOpenForPpiTeam, type Pir } from '../domain/pir.js';
import { formatReference, parseReference } from '../domain/pir-reference.js';
import { factMonthsOf, requestFactsOf } from '../domain/request-facts.js';
import type { PeriodRequest, PirStore } from './pir-store.js';
import type { RequestMonths } from './request-months.js';

export interface ReferenceIndexRow {
  readonly leadId: string;
  readonly pirId: string;
}

/**
 * The reference counter of one year. `indexed`: every request of that year is in the period index (`PirMonths`):
 * set when the counter is created (the year's requests are all saved by code that keeps the index), or by the
 * backfill of a year stored before the index existed.
 */
export interface CounterRow {
  readonly next: number;
  readonly indexed?: boolean;
}

const QUEUE = 'open';
const COUNTERS = 'pir';
const keyOf = (r: { readonly leadId: string; readonly pirId: string }) => `${r.leadId}~${r.pirId}`;

/**
 * Azure Tables: pirs (PK lead id, RK request id), index (PK year, RK reference), counters (PK 'pir', RK year), the
 * PPI team's queue (PK 'open', RK request id), and the period index (`RequestMonths`), kept true around every save.
 */
export class TablePirStore implements PirStore {
  constructor(
    private readonly pirs: DocumentTable<Pir>,
    private readonly index: DocumentTable<ReferenceIndexRow>,
    private readonly counters: DocumentTable<CounterRow>,
    private readonly queue: DocumentTable<ReferenceIndexRow>,
    private readonly months: RequestMonths,
  ) {}

  get(leadId: string, pirId: string): Promise<Versioned<Pir> | undefined> {
    return this.pirs.get(leadId, pirId);
  }

  async create(pir: Pir): Promise<Versioned<Pir>> {
    const etag = await this.months.around(undefined, pir, () => this.pirs.create(pir.lead.id, pir.id, pir));
    return { value: pir, etag };
  }

  write(leadId: string, pirId: string, change: Change<Pir>, options?: WriteOptions<Pir>) {
    const save = (next: Pir, current: Versioned<Pir> | undefined) =>
      current ? this.pirs.replace(leadId, pirId, next, current.etag) : this.pirs.create(leadId, pirId, next);
    return writeSlot(
      {
        read: () => this.get(leadId, pirId),
        write: (next, current) => this.months.around(current?.value, next, () => save(next, current)),
      },
      change,
      options,
    );
  }

  async listForLead(leadId: string): Promise<Pir[]> {
    const out: Pir[] = [];
    for await (const row of this.pirs.listPartition(leadId)) out.push(row.value);
    return out;
  }

  async allocateReference(year: number): Promise<string> {
    // A counter created now starts a year whose requests are all saved with the period index kept.
    const next = (c: CounterRow | undefined): CounterRow =>
      c ? { ...c, next: c.next + 1 } : { next: 1, indexed: true };
    const counted = await writeDocument(this.counters, COUNTERS, String(year), next, { attempts: 50 });
    return formatReference(year, counted.status === 'applied' ? counted.saved.value.next : 1);
  }

  async indexReference(reference: string, leadId: string, pirId: string): Promise<void> {
    const parsed = parseReference(reference);
    if (!parsed) throw new RangeError(`Not a request reference: ${reference}`);
    await writeDocument(this.index, String(parsed.year), reference, () => ({ leadId, pirId }));
  }

  async markOpen(leadId: string, pirId: string): Promise<void> {
    try {
      await this.queue.create(QUEUE, pirId, { leadId, pirId });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }

  markClosed(pirId: string): Promise<void> {
    return this.queue.remove(QUEUE, pirId);
  }

  async listOpen(): Promise<Pir[]> {
    const rows: ReferenceIndexRow[] = [];
    for await (const row of this.queue.listPartition(QUEUE)) rows.push(row.value);
    const found = await this.getMany(rows);
    return found.flatMap((p) => (p && isOpenForPpiTeam(p) ? [p] : []));
  }

  async listStaleDrafts(before: string): Promise<Versioned<Pir>[]> {
    const out: Versioned<Pir>[] = [];
    for await (const row of this.pirs.query(undefined)) {
      if (row.value.status === 'draft' && row.value.updatedAt < before) out.push({ value: row.value, etag: row.etag });
    }
    return out;
  }

  async removeUnchanged(draft: Versioned<Pir>): Promise<void> {
    await this.pirs.remove(draft.value.lead.id, draft.value.id, draft.etag);
  }

  async listSubmittedInYear(year: number, onRead?: (n: number) => void): Promise<Pir[]> {
    const rows: ReferenceIndexRow[] = [];
    for await (const row of this.index.listPartition(String(year), {}, onRead)) rows.push(row.value);
    const pirs = await this.getMany(rows);
    onRead?.(rows.length);
    return pirs.flatMap((p) => (p ? [p] : []));
  }

  getMany(keys: readonly { readonly leadId: string; readonly pirId: string }[]): Promise<(Pir | undefined)[]> {
    return mapBounded(keys, async (k) => (await this.pirs.get(k.leadId, k.pirId))?.value);
  }

  async listInMonths(fromMonth: string, toMonth: string, onRead?: (n: number) => void): Promise<PeriodRequest[]> {
    const [rows, counters] = await Promise.all([this.months.list(fromMonth, toMonth, onRead), this.counterRows()]);
    const found = new Map<string, PeriodRequest>();
    for (const row of rows) if (row.state === 'written') found.set(keyOf(row), row);
    // Rows the index is not sure of: the request itself says what it is now.
    const unsure = [...new Map(rows.filter((r) => r.state === 'writing').map((r) => [keyOf(r), r])).values()];
    const read = await this.getMany(unsure);
    onRead?.(unsure.length);
    unsure.forEach((row, i) => {
      const pir = read[i];
      if (pir) found.set(keyOf(row), { leadId: row.leadId, pirId: row.pirId, facts: requestFactsOf(pir), pir });
      else found.delete(keyOf(row));
    });
    // Years the index does not cover yet: their requests the old way (that year and the one before).
    const first = Number(fromMonth.slice(0, 4)) - 1;
    for (let year = first; year <= Number(toMonth.slice(0, 4)); year++) {
      // A year whose counter does not say `indexed` (or that has none) is read the old way: nothing stored is missed.
      if (counters.get(String(year))?.indexed) continue;
      for (const pir of await this.listSubmittedInYear(year, onRead)) {
        found.set(keyOf({ leadId: pir.lead.id, pirId: pir.id }), {
          leadId: pir.lead.id,
          pirId: pir.id,
          facts: requestFactsOf(pir),
          pir,
        });
      }
    }
    const counted = (r: PeriodRequest) => factMonthsOf(r.facts).some((m) => m >= fromMonth && m <= toMonth);
    return [...found.values()].filter(counted);
  }

  async indexEarlierYears(keepGoing: () => boolean): Promise<{ years: number; rows: number }> {
    let years = 0;
    let rows = 0;
    for (const [year, counter] of await this.counterRows()) {
      if (counter.indexed || !keepGoing()) continue;
      const refs: ReferenceIndexRow[] = [];
      for await (const row of this.index.listPartition(year)) refs.push(row.value);
      const created = await mapBounded(refs, (r) =>
        keepGoing() ? this.months.backfill(() => this.pirs.get(r.leadId, r.pirId)) : Promise.resolve(-1),
      );
      if (created.includes(-1)) break;
      rows += created.reduce((sum, n) => sum + n, 0);
      await writeDocument(
        this.counters,
        COUNTERS,
        year,
        existing((c) => ({ ...c, indexed: true })),
      );
      years++;
    }
    return { years, rows };
  }

  private async counterRows(): Promise<Map<string, CounterRow>> {
    const out = new Map<string, CounterRow>();
    for await (const row of this.counters.listPartition(COUNTERS)) out.set(row.rk, row.value);
    return out;
  }

  async findByReference(reference: string): Promise<Pir | undefined> {
    return (await this.getByReference(reference))?.value;
  }

  findManyByReference(references: readonly string[]): Promise<(Pir | undefined)[]> {
    return mapBounded(references, (reference) => this.findByReference(reference));
  }

  async getByReference(reference: string): Promise<Versioned<Pir> | undefined> {
    const parsed = parseReference(reference);
    if (!parsed) return undefined;
    const row = await this.index.get(String(parsed.year), formatReference(parsed.year, parsed.number));
    return row ? this.pirs.get(row.value.leadId, row.value.pirId) : undefined;
  }
}
