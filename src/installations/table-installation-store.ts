import type { DocumentTable } from '../storage/document-table.js';
import { mutateDocument } from '../storage/mutate-document.js';
import type { Installation, InstallationScope } from './installation.js';
import type { InstallationStore } from './installation-store.js';

/** Installations on Azure Tables: PartitionKey = scope, RowKey = user / team / chat id. */
export class TableInstallationStore implements InstallationStore {
  constructor(private readonly table: DocumentTable<Installation>) {}

  async get(scope: InstallationScope, key: string): Promise<Installation | undefined> {
    return (await this.table.get(scope, key))?.value;
  }

  async markInstalled(installation: Installation): Promise<{ isNew: boolean }> {
    const { before } = await mutateDocument(this.table, installation.scope, installation.key, (current) =>
      current?.status === 'installed'
        ? { ...installation, installedAt: current.installedAt, installedBy: current.installedBy }
        : installation,
    );
    return { isNew: before?.status !== 'installed' };
  }

  async markUninstalled(scope: InstallationScope, key: string, at: string): Promise<void> {
    await mutateDocument(this.table, scope, key, (current) =>
      current && current.status === 'installed'
        ? { ...current, status: 'uninstalled' as const, updatedAt: at }
        : undefined,
    );
  }

  async *list(scope: InstallationScope): AsyncIterable<Installation> {
    for await (const row of this.table.listPartition(scope)) yield row.value;
  }
}
