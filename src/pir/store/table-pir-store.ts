import type { DocumentTable } from '../../storage/document-table.js';
import { type Mutation, mutateDocument } from '../../storage/mutate-document.js';
import type { Pir } from '../domain/pir.js';
import { formatReference, parseReference } from '../domain/pir-reference.js';
import type { PirStore } from './pir-store.js';

export interface ReferenceIndexRow {
  readonly leadId: string;
  readonly pirId: string;
}

/** Azure Tables: pirs (PK lead id, RK request id), index (PK year, RK reference), counters (PK 'pir', RK year). */
export class TablePirStore implements PirStore {
  /** The ETag each request object was read with, so a change right after the read needs no second read. */
  private readonly etags = new WeakMap<Pir, string>();

  constructor(
    private readonly pirs: DocumentTable<Pir>,
    private readonly index: DocumentTable<ReferenceIndexRow>,
    private readonly counters: DocumentTable<{ next: number }>,
  ) {}

  async get(leadId: string, pirId: string): Promise<Pir | undefined> {
    const read = await this.pirs.get(leadId, pirId);
    if (read) this.etags.set(read.value, read.etag);
    return read?.value;
  }

  async create(pir: Pir): Promise<void> {
    await this.pirs.create(pir.lead.id, pir.id, pir);
  }

  mutate(leadId: string, pirId: string, change: Mutation<Pir>, readAs?: Pir) {
    const etag = readAs && this.etags.get(readAs);
    return mutateDocument(this.pirs, leadId, pirId, (current) => (current ? change(current) : undefined), {
      ...(readAs && etag ? { known: { value: readAs, etag } } : {}),
    });
  }

  async listForLead(leadId: string): Promise<Pir[]> {
    const out: Pir[] = [];
    for await (const row of this.pirs.listPartition(leadId)) out.push(row.value);
    return out;
  }

  async allocateReference(year: number): Promise<string> {
    const { after } = await mutateDocument(
      this.counters,
      'pir',
      String(year),
      (current) => ({ next: (current?.next ?? 0) + 1 }),
      { attempts: 50 },
    );
    return formatReference(year, after?.next ?? 1);
  }

  async indexReference(reference: string, leadId: string, pirId: string): Promise<void> {
    const parsed = parseReference(reference);
    if (!parsed) throw new RangeError(`Not a request reference: ${reference}`);
    await mutateDocument(this.index, String(parsed.year), reference, () => ({ leadId, pirId }));
  }

  async listStaleDrafts(before: string): Promise<{ pir: Pir; etag: string }[]> {
    const out: { pir: Pir; etag: string }[] = [];
    for await (const row of this.pirs.query(undefined)) {
      if (row.value.status === 'draft' && row.value.updatedAt < before) out.push({ pir: row.value, etag: row.etag });
    }
    return out;
  }

  async removeUnchanged(pir: Pir, etag: string): Promise<void> {
    await this.pirs.remove(pir.lead.id, pir.id, etag);
  }

  async listSubmittedInYear(year: number, onRead?: (n: number) => void): Promise<Pir[]> {
    const rows: ReferenceIndexRow[] = [];
    for await (const row of this.index.listPartition(String(year), {}, onRead)) rows.push(row.value);
    const pirs = await Promise.all(rows.map((r) => this.get(r.leadId, r.pirId)));
    onRead?.(rows.length);
    return pirs.filter((p): p is Pir => p !== undefined);
  }

  async findByReference(reference: string): Promise<Pir | undefined> {
    const parsed = parseReference(reference);
    if (!parsed) return undefined;
    const row = await this.index.get(String(parsed.year), formatReference(parsed.year, parsed.number));
    return row ? this.get(row.value.leadId, row.value.pirId) : undefined;
  }
}
