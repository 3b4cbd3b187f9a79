import type { DocumentTable } from '../../storage/document-table.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { Change, Versioned, WriteOptions } from '../../storage/versioned.js';
import { writeDocument } from '../../storage/write-document.js';
import { isOpenForPpiTeam, type Pir } from '../domain/pir.js';
import { formatReference, parseReference } from '../domain/pir-reference.js';
import type { PirStore } from './pir-store.js';

export interface ReferenceIndexRow {
  readonly leadId: string;
  readonly pirId: string;
}

const QUEUE = 'open';

/**
 * Azure Tables: pirs (PK lead id, RK request id), index (PK year, RK reference), counters (PK 'pir', RK year), the
 * PPI team's queue (PK 'open', RK request id).
 */
export class TablePirStore implements PirStore {
  constructor(
    private readonly pirs: DocumentTable<Pir>,
    private readonly index: DocumentTable<ReferenceIndexRow>,
    private readonly counters: DocumentTable<{ next: number }>,
    private readonly queue: DocumentTable<ReferenceIndexRow>,
  ) {}

  get(leadId: string, pirId: string): Promise<Versioned<Pir> | undefined> {
    return this.pirs.get(leadId, pirId);
  }

  async create(pir: Pir): Promise<Versioned<Pir>> {
    return { value: pir, etag: await this.pirs.create(pir.lead.id, pir.id, pir) };
  }

  write(leadId: string, pirId: string, change: Change<Pir>, options?: WriteOptions<Pir>) {
    return writeDocument(this.pirs, leadId, pirId, change, options);
  }

  async listForLead(leadId: string): Promise<Pir[]> {
    const out: Pir[] = [];
    for await (const row of this.pirs.listPartition(leadId)) out.push(row.value);
    return out;
  }

  async allocateReference(year: number): Promise<string> {
    const counted = await writeDocument(this.counters, 'pir', String(year), (c) => ({ next: (c?.next ?? 0) + 1 }), {
      attempts: 50,
    });
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
    const found = await Promise.all(rows.map((r) => this.pirs.get(r.leadId, r.pirId)));
    return found.flatMap((p) => (p && isOpenForPpiTeam(p.value) ? [p.value] : []));
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
    const pirs = await Promise.all(rows.map((r) => this.pirs.get(r.leadId, r.pirId)));
    onRead?.(rows.length);
    return pirs.flatMap((p) => (p ? [p.value] : []));
  }

  async findByReference(reference: string): Promise<Pir | undefined> {
    return (await this.getByReference(reference))?.value;
  }

  async getByReference(reference: string): Promise<Versioned<Pir> | undefined> {
    const parsed = parseReference(reference);
    if (!parsed) return undefined;
    const row = await this.index.get(String(parsed.year), formatReference(parsed.year, parsed.number));
    return row ? this.pirs.get(row.value.leadId, row.value.pirId) : undefined;
  }
}
