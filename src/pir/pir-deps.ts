import type { AuditLog } from '../audit/audit-log.js';
import type { Messenger } from '../bot/messenger.js';
import type { HelpTopics } from '../help/help-topics.js';
import type { InstallationStore } from '../installations/store/installation-store.js';
import type { PpiTeamStore } from '../ppi-team/store/ppi-team-store.js';
import type { PirStore } from './store/pir-store.js';

export interface PirDeps {
  readonly pirs: PirStore;
  readonly audit: AuditLog;
  readonly ppiTeam: PpiTeamStore;
  readonly installations: InstallationStore;
  readonly messenger: Messenger;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly topics: HelpTopics;
}
