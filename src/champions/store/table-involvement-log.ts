import { addLondonDays } from '../../calendar/london-time.js';
import type { DocumentTable } from '../../storage/document-table.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { ChampionInvolvement, InvolvementLog } from './involvement-log.js';

const monthOf = (dateKey: string) => dateKey.slice(0, 7);

/** The months (YYYY-MM) that [from, to] touches, oldest first. */
export function monthsBetween(fromDateKey: string, toDateKey: string): string[] {
  const months: string[] = [];
  for (let key = fromDateKey; key <= toDateKey; ) {
    const month = monthOf(key);
    if (months.at(-1) !== month) months.push(month);
    key = addLondonDays(`${month}-01`, 32).slice(0, 7).concat('-01');
  }
  return months;
}

/**
 * Champions' "log involvement" answers, partitioned by the London month of the activity date so a period is read
 * one month partition at a time; RowKey `date~id`. Create-only: the id is per champion and cycle, so a repeat is
 * ignored.
 */
export class TableInvolvementLog implements InvolvementLog {
  constructor(private readonly table: DocumentTable<ChampionInvolvement>) {}

  async record(entry: ChampionInvolvement): Promise<void> {
    try {
      await this.table.create(monthOf(entry.activityDate), `${entry.activityDate}~${entry.id}`, entry);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }

  async listBetween(
    fromDateKey: string,
    toDateKey: string,
    onRead?: (n: number) => void,
  ): Promise<ChampionInvolvement[]> {
    const out: ChampionInvolvement[] = [];
    for (const month of monthsBetween(fromDateKey, toDateKey)) {
      const rows = this.table.listPartition(month, { fromRk: fromDateKey, toRk: `${toDateKey}~~` }, onRead);
      for await (const row of rows) out.push(row.value);
    }
    return out;
  }
}
