import { quarterOfMonth, quartersBetween } from '../../calendar/month-quarters.js';
import { type DocumentTable, escapeOData } from '../../storage/document-table.js';
import { encodeKey } from '../../storage/keys.js';
import { lazyTables } from '../../storage/lazy-tables.js';
import { mapBounded } from '../../storage/map-bounded.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import { writeDocument } from '../../storage/write-document.js';
import type { Pir } from '../domain/pir.js';
import {
  factMonthsOf,
  type MonthRow,
  type RequestFacts,
  readMonthRow,
  requestFactsOf,
  sameFacts,
} from '../domain/request-facts.js';

/** A `PirMonths<year>` row as stored (read back through `readMonthRow`). */
export interface StoredMonthRow {
  readonly state: 'writing' | 'written';
  readonly leadId: string;
  readonly pirId: string;
  readonly facts: RequestFacts;
}

/** Opens (creating when missing) the index table of one quarter's months, e.g. `PirMonths2026Q4`. */
export type MonthTables = (year: string) => Promise<DocumentTable<StoredMonthRow>>;

const rowKey = (leadId: string, pirId: string) => `${leadId}~${pirId}`;
const rowOf = (pir: Pir, state: StoredMonthRow['state']): StoredMonthRow => ({
  state,
  leadId: pir.lead.id,
  pirId: pir.id,
  facts: requestFactsOf(pir),
});

/**
 * The period index of requests: a row per request and London month in which a period counts it (submitted,
 * decided), PK `YYYY-MM` in one table per calendar quarter (as records are), RK `leadId~pirId`, holding the figures a digest needs
 * (`RequestFacts`), so a period is one range query whatever the years before hold.
 *
 * Written around every save of a request whose figures or months change (`around`): first every month it is or was
 * in gets a `writing` row (read-modify-write, ETag), then the request is saved (ETag), then each of those rows is
 * confirmed `written` with the saved figures (over exactly the `writing` version this save wrote) or, for a month the
 * request left, removed (likewise). So the index never misses a request (its row exists before the request has the
 * date), and never vouches for figures that were not saved: a failure or a crash anywhere leaves `writing` rows,
 * which readers do not trust; they read the request itself (a point read) and count it by its own dates.
 */
export class RequestMonths {
  private readonly tableOf: (quarter: string) => Promise<DocumentTable<StoredMonthRow>>;

  constructor(openQuarter: MonthTables) {
    this.tableOf = lazyTables(openQuarter);
  }

  private table(month: string): Promise<DocumentTable<StoredMonthRow>> {
    return this.tableOf(quarterOfMonth(month));
  }

  /** Saves `next` over `previous` with `save` (ETag-checked by the caller), keeping the index true around it. */
  async around(previous: Pir | undefined, next: Pir, save: () => Promise<string>): Promise<string> {
    const before = factMonthsOf(previous);
    const after = factMonthsOf(next);
    const months = [...new Set([...before, ...after])];
    if (months.length === 0 || (sameFacts(previous, next) && before.join() === after.join())) return save();
    const rk = rowKey(next.lead.id, next.id);
    const marked = await mapBounded(months, async (month) => {
      const write = await writeDocument(await this.table(month), month, rk, () => rowOf(next, 'writing'));
      return write.status === 'applied' ? write.saved.etag : undefined;
    });
    const etag = await save();
    // The request is saved: the rows are only confirmed or tidied now (one left `writing` is read through by readers).
    await mapBounded(months, async (month, i) => {
      const mine = marked[i];
      if (mine === undefined) return;
      const table = await this.table(month);
      const done = after.includes(month)
        ? table.replace(month, rk, rowOf(next, 'written'), mine)
        : table.removeVersion(month, rk, mine);
      await done.catch(() => undefined);
    });
    return etag;
  }

  /** The rows of the months from `fromMonth` to `toMonth`: one range query per quarter's table. */
  async list(fromMonth: string, toMonth: string, onRead?: (n: number) => void): Promise<MonthRow[]> {
    const out: MonthRow[] = [];
    for (const quarter of quartersBetween(fromMonth, toMonth)) {
      const from = escapeOData(encodeKey(fromMonth));
      const to = escapeOData(encodeKey(`${toMonth}~`));
      const rows = (await this.tableOf(quarter)).query(`PartitionKey ge '${from}' and PartitionKey lt '${to}'`, onRead);
      for await (const row of rows) {
        const read = readMonthRow(row.value);
        if (read) out.push(read);
      }
    }
    return out;
  }

  /**
   * Indexes a request stored before the index existed (the backfill): a `written` row for each of its months that has
   * none (one there was written by a save, which knows better). If the request changed while this ran, the rows
   * just created are marked `writing` again, so only a version that is still stored is vouched for.
   */
  async backfill(read: () => Promise<{ value: Pir; etag: string } | undefined>): Promise<number> {
    const found = await read();
    if (!found) return 0;
    const pir = found.value;
    const rk = rowKey(pir.lead.id, pir.id);
    const created: { month: string; etag: string }[] = [];
    for (const month of factMonthsOf(pir)) {
      try {
        created.push({ month, etag: await (await this.table(month)).create(month, rk, rowOf(pir, 'written')) });
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    if (created.length > 0 && (await read())?.etag !== found.etag) {
      for (const { month, etag } of created) {
        await (await this.table(month)).replace(month, rk, rowOf(pir, 'writing'), etag).catch(() => undefined);
      }
    }
    return created.length;
  }
}
