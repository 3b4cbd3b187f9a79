import type { AuditLog } from '../audit/audit-entry.js';
import type { Messenger } from '../bot/messenger.js';
import type { InstallationStore } from '../installations/installation-store.js';
import type { PpiTeamStore } from '../ppi-team/ppi-team-store.js';
import type { PirStore } from './store/pir-store.js';

export interface PirDeps {
  readonly pirs: PirStore;
  readonly audit: AuditLog;
  readonly ppiTeam: PpiTeamStore;
  readonly installations: InstallationStore;
  readonly messenger: Messenger;
  readonly now: () => Date;
  readonly newId: () => string;
}
