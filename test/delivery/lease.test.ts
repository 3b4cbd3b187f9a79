import { describe, expect, it } from 'vitest';
import { type LeaseRow, TableLease } from '../../src/delivery/table-lease.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';

async function leaseTable(): Promise<DocumentTable<LeaseRow>> {
  return new DocumentTable<LeaseRow>(
    await openTable(azuriteConnectionString(), `${uniquePrefix()}Leases`),
    (raw) => raw as LeaseRow,
  );
}

describe('TableLease (Azurite)', () => {
  it('gives a lease to exactly one of many racing owners, round after round', async () => {
    const table = await leaseTable();
    let clock = new Date('2026-11-23T10:00:00Z');
    const lease = new TableLease(table, () => clock);
    for (let round = 0; round < 10; round++) {
      const owners = Array.from({ length: 30 }, (_, i) => `instance-${round}-${i}`);
      const won = await Promise.all(owners.map((o) => lease.tryAcquire('nudges', o, 60_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
      clock = new Date(clock.getTime() + 61_000); // the holder's lease expires before the next round
    }
  });

  it('keeps the lease while it is live, lets its owner renew it, and hands it over once expired or released', async () => {
    const table = await leaseTable();
    let clock = new Date('2026-11-23T10:00:00Z');
    const lease = new TableLease(table, () => clock);
    expect(await lease.tryAcquire('digests', 'a', 60_000)).toBe(true);
    expect(await lease.tryAcquire('digests', 'b', 60_000)).toBe(false);
    expect(await lease.tryAcquire('digests', 'a', 60_000)).toBe(true);
    clock = new Date(clock.getTime() + 59_000);
    expect(await lease.tryAcquire('digests', 'b', 60_000)).toBe(false);
    clock = new Date(clock.getTime() + 61_000);
    expect(await lease.tryAcquire('digests', 'b', 60_000)).toBe(true);
    await lease.release('digests', 'a');
    expect(await lease.tryAcquire('digests', 'c', 60_000)).toBe(false);
    await lease.release('digests', 'b');
    expect(await lease.tryAcquire('digests', 'c', 60_000)).toBe(true);
  });
});
