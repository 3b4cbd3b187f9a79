import type { Installation, InstallationScope } from '../domain/installation.js';

export interface InstallationStore {
  get(scope: InstallationScope, key: string): Promise<Installation | undefined>;
  /** Records an install (or re-install); answers whether it was new or had been uninstalled. */
  markInstalled(installation: Installation): Promise<{ isNew: boolean }>;
  markUninstalled(scope: InstallationScope, key: string, at: string): Promise<void>;
  list(scope: InstallationScope): AsyncIterable<Installation>;
}
