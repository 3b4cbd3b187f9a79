import { describe, expect, it } from 'vitest';
import { referenceData } from '../../src/reference-data/reference-data.js';
import { DocumentTable } from '../../src/storage/document-table.js';
import { openTable } from '../../src/storage/open-table.js';
import type { ListRow } from '../../src/trust-lists/domain/list-entries.js';
import { LIST_REUSE_MS, TableTrustListStore } from '../../src/trust-lists/store/table-trust-list-store.js';
import { azuriteConnectionString, uniquePrefix } from '../helpers/azurite.js';

describe('the Trust’s lists, read once and reused for a few seconds (Azurite)', () => {
  it('shows an admin’s change at once on the instance that saved it, and within the reuse time on another', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const now = () => clock;
    const open = async () =>
      new DocumentTable<ListRow>(
        await openTable(azuriteConnectionString(), `${prefix}Directorates`),
        (raw) => raw as ListRow,
      );
    const prefix = uniquePrefix();
    const defaults = referenceData.directorates;
    const a = new TableTrustListStore(await open(), 'directorate', defaults, now);
    const b = new TableTrustListStore(await open(), 'directorate', defaults, now);
    const row = (label: string): ListRow => ({
      id: 'digital-services',
      label,
      retired: false,
      changedBy: 'aad-ppi-admin',
      changedAt: clock.toISOString(),
    });
    const names = async (store: TableTrustListStore) => (await store.offered()).map((c) => c.label);
    expect(await names(a)).not.toContain('Digital Services');
    expect(await names(b)).not.toContain('Digital Services');

    expect(await a.save(row('Digital Services'), undefined)).toBe('saved');
    expect(await names(a)).toContain('Digital Services');
    // The other instance read the list a moment ago: it keeps that read until it is LIST_REUSE_MS old, no longer.
    clock = new Date(clock.getTime() + LIST_REUSE_MS - 1);
    expect(await names(b)).not.toContain('Digital Services');
    clock = new Date(clock.getTime() + 1);
    expect(await names(b)).toContain('Digital Services');
    // A clock set back (a corrected server clock) reads again rather than trusting a read "from the future".
    expect(
      await a.save(
        row('Digital and IT'),
        (await a.entries()).find((e) => e.id === 'digital-services'),
      ),
    ).toBe('saved');
    clock = new Date(clock.getTime() - 60_000);
    expect(await names(b)).toContain('Digital and IT');
  });
});
