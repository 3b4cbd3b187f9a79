import type { Installation } from './installations/installation.js';
import type { InstallationStore } from './installations/installation-store.js';
import { TableInstallationStore } from './installations/table-installation-store.js';
import { ActivityLedger } from './storage/activity-ledger.js';
import { type Decode, DocumentTable } from './storage/document-table.js';
import { openTable } from './storage/open-table.js';
import { TableStateStorage } from './storage/table-state-storage.js';

/** Every store the bot uses, on Azure Tables. Table names share a prefix so tests and tenants can be isolated. */
export interface Stores {
  readonly state: TableStateStorage;
  readonly ledger: ActivityLedger;
  readonly installations: InstallationStore;
}

const asIs = <T>(raw: unknown) => raw as T;

export async function openStores(connectionString: string, prefix: string): Promise<Stores> {
  const table = async <T>(name: string, decode: Decode<T> = asIs<T>) =>
    new DocumentTable<T>(await openTable(connectionString, `${prefix}${name}`), decode);
  const [state, ledger, installations] = await Promise.all([
    table<Record<string, unknown>>('State'),
    table<{ at: string }>('Activities'),
    table<Installation>('Installations'),
  ]);
  return {
    state: new TableStateStorage(state),
    ledger: new ActivityLedger(ledger),
    installations: new TableInstallationStore(installations),
  };
}
