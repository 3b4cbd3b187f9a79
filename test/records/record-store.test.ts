import { describe, expect, it } from 'vitest';
import { openStores } from '../../src/compose/open-stores.js';
import { quarterOfMonth } from '../../src/records/store/table-record-store.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';
import { yswd } from '../reports/report-fixtures.js';

describe('record store on Azure Tables (one table per quarter, PK month~kind)', () => {
  it('names the quarter a month belongs to', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12'].map(quarterOfMonth)).toEqual([
      '2026Q1',
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
      '2026Q4',
    ]);
  });

  it('lists a period across quarter and year boundaries, by kind or all, and nothing outside it', async () => {
    const { records } = await openStores(azuriteConnectionString(), uniquePrefix());
    const dates = ['2026-09-30', '2026-10-01', '2026-12-31', '2027-01-01', '2027-03-31', '2027-04-01'];
    for (const [i, date] of dates.entries()) await records.create(yswd(`a1b2c3d4-00${i}`, date, true));
    let read = 0;
    const found = await records.listPeriod('2026-10-01', '2027-03-31', {
      onRead: (n) => {
        read += n;
      },
    });
    expect(found.map((d) => d.date).sort()).toEqual(['2026-10-01', '2026-12-31', '2027-01-01', '2027-03-31']);
    expect(read).toBe(4);
    expect(await records.listPeriod('2026-10-01', '2027-03-31', { kind: 'engagement' })).toEqual([]);
    expect(await records.listPeriod('2026-10-02', '2026-12-30', { kind: 'yswd' })).toEqual([]);
  });
});
