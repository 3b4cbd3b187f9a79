import { describe, expect, it } from 'vitest';
import type { ChampionInvolvement } from '../../src/champions/store/involvement-log.js';
import { monthsBetween, TableInvolvementLog } from '../../src/champions/store/table-involvement-log.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { involvement } from '../reports/report-fixtures.js';

const entry = (id: string, activityDate: string) => involvement(id, activityDate, 3);

describe('champion involvement store (Azurite)', () => {
  it('lists the months a range touches', () => {
    expect(monthsBetween('2026-11-23', '2027-01-04')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2027-01-04', '2027-01-04')).toEqual(['2027-01']);
  });

  it('reads only the period asked for, whatever else is stored', async () => {
    const table = new DocumentTable<ChampionInvolvement>(
      await openTable(azuriteConnectionString(), `${uniquePrefix()}Involvement`),
      (raw) => raw as ChampionInvolvement,
    );
    const log = new TableInvolvementLog(table);
    const history = Array.from({ length: 60 }, (_, i) => entry(`old-${i}`, `20${22 + (i % 4)}-0${1 + (i % 9)}-15`));
    const inPeriod = [entry('a', '2026-12-01'), entry('b', '2027-01-04'), entry('c', '2026-11-23')];
    const outside = [entry('early', '2026-11-22'), entry('late', '2027-01-05')];
    await Promise.all([...history, ...inPeriod, ...outside].map((e) => log.record(e)));
    await log.record(entry('a', '2026-12-01'));
    let read = 0;
    const found = await log.listBetween('2026-11-23', '2027-01-04', (n) => {
      read += n;
    });
    expect(found.map((e) => e.id).sort()).toEqual(['a', 'b', 'c']);
    expect(read).toBe(3);
  });
});
