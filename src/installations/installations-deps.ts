import type { InstallationStore } from './store/installation-store.js';

export interface InstallationsDeps {
  readonly installations: InstallationStore;
  readonly now: () => Date;
}
