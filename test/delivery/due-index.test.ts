import { describe, expect, it } from 'vitest';
import type { DueWork } from '../../src/delivery/due-work.js';
import { dueIndexKeys, TableDueIndex } from '../../src/delivery/table-due-index.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';

const NOW = new Date('2027-01-04T10:00:00Z');
const work = (targetId: string, dueAt: string): DueWork => ({ kind: 'nudge', targetId, cycle: dueAt, dueAt });

async function dueTable() {
  return new DocumentTable<DueWork>(
    await openTable(azuriteConnectionString(), `${uniquePrefix()}DueWork`),
    (raw) => raw as DueWork,
  );
}

describe('due index on Azure Tables', () => {
  it('spreads a day over several partitions and finds everything due up to now, nothing later', async () => {
    const table = await dueTable();
    const index = new TableDueIndex(table);
    const dueNow = Array.from({ length: 60 }, (_, i) => work(`c${i}`, '2027-01-04T09:30:00.000Z'));
    const overdue = work('old', '2026-12-21T09:30:00.000Z');
    const laterToday = work('later', '2027-01-04T14:00:00.000Z');
    const tomorrow = work('tomorrow', '2027-01-05T09:30:00.000Z');
    for (const w of [...dueNow, overdue, laterToday, tomorrow]) await index.schedule('nudges', w);
    await index.schedule('other-job', work('x', '2027-01-04T09:30:00.000Z'));

    const partitions = new Set(dueNow.map((w) => dueIndexKeys('nudges', w)[0]));
    expect(partitions.size).toBeGreaterThan(8);
    let read = 0;
    const found = await index.listDue('nudges', NOW, (n) => {
      read += n;
    });
    expect(found.map((w) => w.targetId).sort()).toEqual([...dueNow.map((w) => w.targetId), 'old'].sort());
    expect(read).toBe(61);
    expect(found[0]?.targetId).toBe('old');
  });

  it('schedules the same work once, and completes it wherever it was found (rows under older keys too)', async () => {
    const table = await dueTable();
    const index = new TableDueIndex(table);
    const w = work('c1', '2027-01-04T09:30:00.000Z');
    await index.schedule('nudges', w);
    await index.schedule('nudges', w);
    // A row written before the day was split into buckets: `nudges~2027-01-04`.
    const legacy = work('c2', '2027-01-04T09:30:00.000Z');
    await table.create('nudges~2027-01-04', `${legacy.dueAt}~nudge~c2~${legacy.cycle}`, legacy);

    const found = await index.listDue('nudges', NOW);
    expect(found.map((f) => f.targetId).sort()).toEqual(['c1', 'c2']);
    for (const f of found) await index.complete('nudges', f);
    expect(await index.listDue('nudges', NOW)).toEqual([]);
  });
});
