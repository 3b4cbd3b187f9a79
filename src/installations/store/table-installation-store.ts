import type { DocumentTable } from '../../storage/document-table.js';
import { existing } from '../../storage/versioned.js';
import { writeDocument } from '../../storage/write-document.js';
import type { Installation, InstallationScope } from '../domain/installation.js';
import type { InstallationStore } from './installation-store.js';

/** Installations on Azure Tables: PartitionKey = scope, RowKey = user / team / chat id. */
export class TableInstallationStore implements InstallationStore {
  constructor(private readonly table: DocumentTable<Installation>) {}

  async get(scope: InstallationScope, key: string): Promise<Installation | undefined> {
    return (await this.table.get(scope, key))?.value;
  }

  async markInstalled(installation: Installation): Promise<{ isNew: boolean }> {
    const write = await writeDocument(this.table, installation.scope, installation.key, (current) =>
      current?.status === 'installed'
        ? { ...installation, installedAt: current.installedAt, installedBy: current.installedBy }
        : installation,
    );
    return { isNew: write.status === 'applied' && write.previous?.value.status !== 'installed' };
  }

  async markUninstalled(scope: InstallationScope, key: string, at: string): Promise<void> {
    await writeDocument(
      this.table,
      scope,
      key,
      existing((c) => (c.status === 'installed' ? { ...c, status: 'uninstalled' as const, updatedAt: at } : undefined)),
    );
  }

  async *list(scope: InstallationScope): AsyncIterable<Installation> {
    for await (const row of this.table.listPartition(scope)) yield row.value;
  }
}
